#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Computes a consistent, fully pinned closure of Maven artifacts for the IDX target platform.

Maven's nearest-wins picks old versions of Eclipse bundles deep in the tree; OSGi then cannot
resolve them against the new ones. This walks the POMs instead, takes the newest released
version of every artifact it meets (asking Maven with an open version range), and repeats until
nothing new appears. It prints one `group:artifact:version` per line.

Usage: closure.py ROOT... (each group:artifact, or group:artifact:version to pin a version)
"""
import os, re, subprocess, sys, tempfile, xml.etree.ElementTree as ET

M2 = os.path.expanduser("~/.m2/repository")
NS = "{http://maven.apache.org/POM/4.0.0}"
SKIP_SCOPES = {"test", "provided", "system", "import"}
LATEST_GROUPS = {"org.eclipse.platform", "org.eclipse.emf"}

def pom_path(g, a, v):
    return os.path.join(M2, *g.split("."), a, v, f"{a}-{v}.pom")

def resolve(coords):
    """Resolves each group:artifact (or g:a:v) to the newest version Maven can fetch."""
    deps = []
    for c in coords:
        parts = c.split(":")
        g, a = parts[0], parts[1]
        v = parts[2] if len(parts) > 2 else "[0,)"
        deps.append(f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version>"
                    "<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>")
    pom = ("<project xmlns='http://maven.apache.org/POM/4.0.0'><modelVersion>4.0.0</modelVersion>"
           "<groupId>x</groupId><artifactId>closure</artifactId><version>0</version>"
           f"<dependencies>{''.join(deps)}</dependencies></project>")
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "pom.xml"), "w") as f:
            f.write(pom)
        out = subprocess.run(["mvn", "-B", "-q", "dependency:list", "-DoutputFile=list.txt", "-DincludeScope=runtime"],
                             cwd=d, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("maven failed:\n" + out.stdout[-4000:] + out.stderr[-2000:])
        text = open(os.path.join(d, "list.txt")).read()
    found = {}
    for m in re.finditer(r"^\s+([\w.\-]+):([\w.\-]+):(?:jar|pom|bundle|[\w\-]+):(?:[\w\-]+:)?([\w.\-]+):\w+", text, re.M):
        found[(m.group(1), m.group(2))] = m.group(3)
    return found

def props(root):
    p = {}
    el = root.find(f"{NS}properties")
    if el is not None:
        for c in el:
            p[c.tag.replace(NS, "")] = (c.text or "").strip()
    return p

def deps_of(g, a, v):
    path = pom_path(g, a, v)
    if not os.path.exists(path):
        return []
    root = ET.parse(path).getroot()
    pr = props(root)
    out = []
    deps = root.find(f"{NS}dependencies")
    for d in (deps if deps is not None else []):
        get = lambda t: (d.findtext(f"{NS}{t}") or "").strip()
        if get("scope") in SKIP_SCOPES or get("optional") == "true":
            continue
        dg = re.sub(r"\$\{(\w[\w.]*)\}", lambda m: pr.get(m.group(1), m.group(0)), get("groupId"))
        if "${" in dg:
            continue
        dv = re.sub(r"\$\{(\w[\w.]*)\}", lambda m: pr.get(m.group(1), m.group(0)), get("version"))
        out.append((dg, get("artifactId"), dv if dv and "${" not in dv else ""))
    return out

def main(roots):
    pinned = {}
    todo = list(roots)
    while todo:
        found = resolve(todo)
        todo = []
        for ga, v in found.items():
            pinned[ga] = v
        for (g, a), v in found.items():
            for dg, da, dv in deps_of(g, a, v):
                # Eclipse's own bundles: the newest release; anything else: the version its user declares.
                key = f"{dg}:{da}" if dg in LATEST_GROUPS or not dv else f"{dg}:{da}:{dv}"
                if (dg, da) not in pinned and not any(t.startswith(f"{dg}:{da}") for t in todo):
                    todo.append(key)
    for (g, a), v in sorted(pinned.items()):
        print(f"{g}:{a}:{v}")

if __name__ == "__main__":
    main(sys.argv[1:])
