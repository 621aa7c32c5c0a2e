import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Measurement
import Testing
@testable import Report

@Suite struct HTMLReportTests {
    static let sweeps = [
        SweepSeries(engine: "phase2", parameter: "maxConcurrency",
                    points: [1, 2, 4, 8, 16].map { .init(x: $0, y: 90 * $0, bound: 2_000) }, knee: 8, best: 16),
        SweepSeries(engine: "phase3", parameter: "maxConcurrency",
                    points: [1, 2, 4, 8].map { .init(x: $0, y: 200 * $0, bound: nil) }),
    ]

    /// Element names and `class` attributes of a well-formed document, in order; fails on bad XML.
    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, className: String?)] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            found.append((name, attributes["class"]))
        }
        func count(_ name: String, _ className: String) -> Int {
            found.filter { $0.name == name && $0.className == className }.count
        }
    }

    func parse(_ markup: String) throws -> Elements {
        let parser = XMLParser(data: Data(markup.utf8))
        let elements = Elements()
        parser.delegate = elements
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(String(describing: parser.parserError))")
        return elements
    }

    @Test func pageIsWellFormedXMLEvenWithMarkupInTheData() throws {
        var results = Fixtures.results(build: "debug")
        results.summaries[4].failures = ["<script>alert('x') & \"more\"</script>"]
        results.command.append("--name=<a&b>")
        let html = renderHTML([results], sweeps: Self.sweeps)
        let elements = try parse(html)
        #expect(elements.found.first?.name == "html")
        #expect(!elements.found.contains { $0.name == "script" })
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;more&quot;&lt;/script&gt;"))
    }

    @Test func pageReachesForNothingOutside() {
        let html = renderHTML([Fixtures.results()], sweeps: Self.sweeps)
        let withoutNamespaces = html.replacingOccurrences(of: "http://www.w3.org/", with: "")
        #expect(!withoutNamespaces.contains("http"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
    }

    @Test func throughputChartHasOneBarPerRowAndOneBoundPerSize() throws {
        let svg = BarChart.throughput(Fixtures.summaries, colors: [:]).svg()
        let elements = try parse(svg)
        #expect(elements.count("rect", "bar") == Fixtures.summaries.count)
        #expect(elements.count("g", "whisker") == Fixtures.summaries.count)
        #expect(elements.count("line", "bound") == 2)
        #expect(svg.contains(">throughput (issues/s)") && svg.contains(">size (issues)<"))
    }

    @Test func speedupChartHasABarOnlyWhereThereIsASpeedup() throws {
        let svg = BarChart.speedup(Fixtures.summaries, colors: [:]).svg()
        let elements = try parse(svg)
        #expect(elements.count("rect", "bar") == Fixtures.summaries.filter { $0.speedupVsPhase1 != nil }.count)
        #expect(elements.count("line", "reference") == 1)
        #expect(svg.contains(">speed-up vs phase1 (×)"))
    }

    @Test func latencyChartHasThreePercentilesPerRow() throws {
        let svg = BarChart.latency(Fixtures.summaries).svg()
        #expect(try parse(svg).count("rect", "bar") == 3 * Fixtures.summaries.count)
        #expect(svg.contains(">latency (ms)"))
    }

    @Test func memoryChartIsInMebibytes() throws {
        let svg = BarChart.peakMemory(Fixtures.summaries, colors: [:]).svg()
        #expect(try parse(svg).count("rect", "bar") == Fixtures.summaries.count)
        #expect(svg.contains(">peak RSS (MiB)"))
    }

    @Test func sweepChartHasOnePointPerMeasurementAndMarksKneeAndBest() throws {
        let svg = LineChart.sweep(Self.sweeps, parameter: "maxConcurrency", colors: [:]).svg()
        let elements = try parse(svg)
        #expect(elements.count("circle", "point") == 9)
        #expect(elements.count("path", "line") == 2)
        #expect(elements.count("path", "bound") == 1)
        #expect(elements.count("circle", "knee") == 1)
        #expect(elements.count("path", "best") == 1)
        #expect(svg.contains(">maxConcurrency, log scale<") || svg.contains(">maxConcurrency<"))
        #expect(svg.contains(">throughput (issues/s)<"))
    }

    @Test func wideRangeSwitchesToALogarithmicAxisWithRoundTicks() {
        let scale = Scale(fitting: [0, 96.8, 50_000], fromZero: true)
        #expect(scale.kind == .logarithmic)
        #expect(scale.ticks == [10, 100, 1_000, 10_000, 100_000])
        #expect(scale.ticks.map(scale.label) == ["10", "100", "1,000", "10,000", "100,000"])
    }

    @Test func narrowRangeStaysLinearFromZero() {
        let scale = Scale(fitting: [96.8, 120, 846.1], fromZero: true)
        #expect(scale.kind == .linear)
        #expect(scale.ticks == [0, 200, 400, 600, 800, 1_000])
        #expect(Scale(fitting: [0.12, 0.3], fromZero: true).ticks.map(Scale(fitting: [0.12, 0.3], fromZero: true).label)
                == ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30", "0.35"])
    }

    @Test func pageShowsCommandMachineAndClaims() {
        let html = renderHTML([Fixtures.results(build: "debug")])
        #expect(html.contains("<pre class=\"command\"><code>issuebench run Scenarios/seed.json --set phase2.maxConcurrency=16 --format json</code></pre>"))
        #expect(html.contains("<dt>CPU</dt><dd>AMD EPYC 7B13 (x86_64)</dd>"))
        #expect(html.contains("<p class=\"debug\">DEBUG BUILD — figures are not performance figures</p>"))
        #expect(html.contains("<td class=\"good\">reproduced</td>"))
    }

    @Test func sweepSeriesRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(Self.sweeps)
        #expect(try JSONDecoder().decode([SweepSeries].self, from: data) == Self.sweeps)
    }
}
