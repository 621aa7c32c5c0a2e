import Measurement
import Testing
@testable import Report

@Suite struct SummaryCSVTests {
    @Test func everyNumberParsesBackExactly() throws {
        var rows = Fixtures.summaries
        rows[0].throughput.median = 0.1 + 0.2
        rows[0].latencyMs.p99 = 1e-7
        rows[1].tuning = ["maxConcurrency": 16, "jitter": 0.25]
        let records = try RFC4180Parser.parse(SummaryCSV.render(rows))
        #expect(records.first == SummaryCSV.columns)
        #expect(records.count == rows.count + 1)
        for (row, record) in zip(rows, records.dropFirst()) {
            let field = Dictionary(uniqueKeysWithValues: zip(SummaryCSV.columns, record))
            #expect(field["engine"] == row.engine)
            #expect(Int(field["issues"] ?? "") == row.issues)
            #expect(Double(field["throughputMedian"] ?? "") == row.throughput.median)
            #expect(Double(field["throughputMin"] ?? "") == row.throughput.min)
            #expect(Double(field["latencyP99Ms"] ?? "") == row.latencyMs.p99)
            #expect(Double(field["cpuSeconds"] ?? "") == row.cpuSeconds)
            #expect(Int(field["peakRSSBytes"] ?? "") == row.peakRSSBytes)
            #expect(field["bound"].flatMap(Double.init) == row.bound)
            #expect(field["efficiency"].flatMap(Double.init) == row.efficiency)
            #expect(field["speedupVsPhase1"].flatMap(Double.init) == row.speedupVsPhase1)
            #expect(field["compressionPercent"].flatMap(Double.init) == row.compressionPercent)
            #expect(field["verified"] == String(row.verified))
        }
        #expect(records[2][3] == "jitter=0.25;maxConcurrency=16")
    }

    @Test func fieldsWithCommasQuotesAndLineBreaksAreQuoted() throws {
        #expect(CSV.record(["a,b", "say \"hi\"", "two\nlines", "plain"]) == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n")
        var row = Fixtures.summaries[4]
        row.failures = ["lost issue 3, then \"timeout\"", "second\nline"]
        let records = try RFC4180Parser.parse(SummaryCSV.render([row]))
        #expect(records[1].last == "lost issue 3, then \"timeout\"; second\nline")
    }

    @Test func missingFiguresAreEmptyFields() throws {
        let records = try RFC4180Parser.parse(SummaryCSV.render([Fixtures.summaries[4]]))
        let field = Dictionary(uniqueKeysWithValues: zip(SummaryCSV.columns, records[1]))
        #expect(field["speedupVsPhase1"] == "")
        #expect(field["compressionPercent"] == "")
    }
}
