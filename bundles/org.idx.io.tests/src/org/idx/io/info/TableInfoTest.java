// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.idx.io.delimited.DelimitedTableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableInfoTest {

    @TempDir
    Path dir;

    @Test
    void infoJsonFollowsTheCliContract() throws Exception {
        Path path = dir.resolve("t.csv");
        Files.writeString(path, "id;Area;Area;siRNA;empty\n1;0,1;2;ctrl;NA\n2;0,2;2;kd;\n3;NA;2;ctrl;\n4;0,3;2;kd;\n");
        TableInfo info = TableInfo.of(DelimitedTableReader.read(path));
        assertEquals(4, info.rows());
        assertEquals(List.of("id", "Area", "Area.1", "siRNA", "empty"), info.columns().stream().map(ColumnInfo::name).toList());
        double mean = new BigDecimal(0.1).add(new BigDecimal(0.2)).add(new BigDecimal(0.3))
                .divide(BigDecimal.valueOf(3), MathContext.DECIMAL128).doubleValue(); // the correctly rounded mean
        String expected = """
                {
                  "rows": 4,
                  "delimiter": ";",
                  "decimal": ",",
                  "columns": [
                    {
                      "name": "id",
                      "type": "numeric",
                      "na": 0,
                      "min": 1,
                      "max": 4,
                      "mean": 2.5
                    },
                    {
                      "name": "Area",
                      "type": "numeric",
                      "na": 1,
                      "min": 0.1,
                      "max": 0.3,
                      "mean": %s
                    },
                    {
                      "name": "Area.1",
                      "type": "numeric",
                      "na": 0,
                      "min": 2,
                      "max": 2,
                      "mean": 2.0
                    },
                    {
                      "name": "siRNA",
                      "type": "categorical",
                      "na": 0,
                      "levels": [
                        "ctrl",
                        "kd"
                      ]
                    },
                    {
                      "name": "empty",
                      "type": "numeric",
                      "na": 4,
                      "min": null,
                      "max": null,
                      "mean": null
                    }
                  ],
                  "warnings": [
                    "%s:1: column 3 'Area.1': duplicate column name 'Area' renamed to 'Area.1'",
                    "%s:1: column 3 'Area.1': all non-NA values are equal ('2'); kept",
                    "%s:1: column 5 'empty': all values are NA; kept as an empty numeric column"
                  ]
                }
                """.formatted(Double.toString(mean), path, path, path);
        assertEquals(expected, info.toJson());
    }
}
