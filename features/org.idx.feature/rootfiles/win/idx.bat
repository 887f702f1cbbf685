@echo off
rem SPDX-License-Identifier: GPL-3.0-or-later
rem Starts an installed IDX on Windows. Needs a Java 21+ runtime: JAVA_HOME, or java on the PATH.
setlocal
set HERE=%~dp0
set JAVA=java
if defined JAVA_HOME set JAVA=%JAVA_HOME%\bin\java
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set LAUNCHER=%%f
set APP=org.idx.ui.application
if not defined OMP_WAIT_POLICY set OMP_WAIT_POLICY=PASSIVE
set DATA=%USERPROFILE%\.idx\workspace
if "%1"=="info" set APP=org.idx.cli.app& set DATA=@none
if "%1"=="methods" set APP=org.idx.cli.app& set DATA=@none
if "%1"=="run" set APP=org.idx.cli.app& set DATA=@none
"%JAVA%" -Xmx8g --enable-native-access=ALL-UNNAMED -Didx.sample="%HERE%sample\nuclei.csv" -jar "%LAUNCHER%" -install "%HERE%" -configuration "%USERPROFILE%\.idx\configuration" -data "%DATA%" -application %APP% -nosplash %*
