import Measurement

/// One self-contained HTML page for one or more results files and sweeps: charts as inline SVG,
/// styles inline, no script, no font or image from elsewhere, so it opens offline and archives as
/// one file. The markup is well-formed XML (XHTML), so it can also be checked by an XML parser.
public func renderHTML(_ results: [ResultsFile], sweeps: [SweepSeries] = []) -> String {
    HTMLDocument.render(results, sweeps: sweeps)
}

enum HTMLDocument {
    static func render(_ results: [ResultsFile], sweeps: [SweepSeries]) -> String {
        let names = results.flatMap { file in file.sections.flatMap(seriesNames) } + sweeps.map(\.engine)
        let colors = Palette.colors(for: names)
        var body = [Markup.element("h1", [:], "issuebench report")]
        body += results.map { section($0, colors: colors) }
        if !sweeps.isEmpty { body.append(sweepSection(sweeps, colors: colors)) }
        let head = Markup.element("meta", ["charset": "utf-8"])
            + Markup.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            + Markup.element("title", [:], "issuebench report")
            + Markup.element("style", [:], stylesheet)
        return "<!DOCTYPE html>\n" + Markup.element("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en"],
            "\n" + Markup.element("head", [:], head) + "\n" + Markup.element("body", [:], body.joined(separator: "\n")) + "\n")
            + "\n"
    }

    /// A results file: its machine and command, a part per scenario, then its claims.
    private static func section(_ results: ResultsFile, colors: [String: String]) -> String {
        var parts = [Markup.element("h2", [:], "Run at " + Markup.escape(results.createdAt))]
        if results.environment.isDebugBuild {
            parts.append(Markup.element("p", ["class": "debug"], Markup.escape(Environment.debugWarning)))
        }
        parts.append(Markup.element("p", [:], "Command:"))
        parts.append(Markup.element("pre", ["class": "command"],
                                    Markup.element("code", [:], Markup.escape(ShellQuoting.command(results.command)))))
        parts.append(Markup.element("dl", ["class": "machine"], results.environment.fields.map {
            Markup.element("dt", [:], Markup.escape($0.name)) + Markup.element("dd", [:], Markup.escape($0.value))
        }.joined()))
        for scenario in results.sections where !scenario.summaries.isEmpty {
            parts.append(Markup.element("h3", [:], Markup.escape(scenario.name)))
            if !scenario.description.isEmpty {
                parts.append(Markup.element("p", ["class": "description"], Markup.escape(scenario.description)))
            }
            if let sweep = SweepAnalysis(scenario.summaries) {
                parts += sweepParts(sweep, colors: colors)
                continue
            }
            let charts = [BarChart.throughput(scenario.summaries, colors: colors),
                          BarChart.speedup(scenario.summaries, colors: colors),
                          BarChart.latency(scenario.summaries),
                          BarChart.peakMemory(scenario.summaries, colors: colors)]
            parts += charts.map { figure($0.svg()) }
            parts.append(ReportTable.comparison(scenario.summaries).html())
        }
        if !results.claims.isEmpty {
            parts.append(Markup.element("h3", [:], "Claims"))
            parts.append(ReportTable.claims(results.claims).html())
        }
        return Markup.element("section", [:], parts.joined(separator: "\n"))
    }

    /// What a scenario's rows are drawn as: the series of its sweep, or its engine labels.
    private static func seriesNames(_ scenario: ScenarioSection) -> [String] {
        SweepAnalysis(scenario.summaries).map { SweepSeries.series(of: $0).map(\.engine) }
            ?? ReportTable.engineLabels(scenario.summaries)
    }

    /// A sweep's grid in words, a chart per dimension, then a table per metric.
    private static func sweepParts(_ sweep: SweepAnalysis, colors: [String: String]) -> [String] {
        var parts = [Markup.element("p", ["class": "caption"], Markup.escape("Sweep: " + sweep.caption))]
        parts += charts(SweepSeries.series(of: sweep), colors: colors)
        for metric in SweepMetric.allCases {
            parts.append(Markup.element("h4", [:], Markup.escape(metric.heading)))
            parts.append(ReportTable.sweep(sweep, metric: metric).html())
        }
        return parts
    }

    private static func sweepSection(_ sweeps: [SweepSeries], colors: [String: String]) -> String {
        Markup.element("section", [:], ([Markup.element("h2", [:], "Sweeps")] + charts(sweeps, colors: colors))
            .joined(separator: "\n"))
    }

    /// A line chart per parameter, in the order the series first name them.
    private static func charts(_ sweeps: [SweepSeries], colors: [String: String]) -> [String] {
        var parameters: [String] = []
        for sweep in sweeps where !parameters.contains(sweep.parameter) { parameters.append(sweep.parameter) }
        return parameters.map { figure(LineChart.sweep(sweeps, parameter: $0, colors: colors).svg()) }
    }

    private static func figure(_ svg: String) -> String { Markup.element("figure", ["class": "chart"], svg) }

    /// No `&` or `<` in here: it sits in a `<style>` element that must stay well-formed XML.
    private static let stylesheet = """
        body { font-family: \(SVGChart.fontFamily); font-size: 16px; line-height: 1.45; color: #1a1a1a;
               background: #fff; max-width: 1240px; margin: 0 auto; padding: 24px 28px 64px; }
        h1 { font-size: 30px; margin: 0 0 8px; }
        h2 { font-size: 24px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #ddd; }
        h3 { font-size: 20px; margin: 32px 0 8px; }
        h4 { font-size: 17px; margin: 24px 0 6px; }
        p.caption { font-weight: 600; }
        .debug { background: #b00020; color: #fff; font-weight: 700; font-size: 18px; padding: 10px 14px; border-radius: 4px; }
        pre.command { background: #f4f4f4; border: 1px solid #ddd; border-radius: 4px; padding: 10px 14px;
                      font-size: 14px; white-space: pre-wrap; word-break: break-all; }
        dl.machine { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
        dl.machine dt { font-weight: 600; }
        dl.machine dd { margin: 0; }
        figure.chart { margin: 20px 0 28px; }
        svg.chart { display: block; width: 100%; max-width: 1100px; height: auto; border: 1px solid #e6e6e6; border-radius: 4px; }
        .table-wrap { overflow-x: auto; }
        table.report { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; margin: 8px 0; }
        table.report th, table.report td { padding: 5px 6px; border-bottom: 1px solid #e2e2e2; white-space: nowrap; }
        table.report th { background: #f4f4f4; text-align: left; vertical-align: bottom; }
        table.report .num { text-align: right; }
        th .unit { display: block; font-weight: 400; font-size: 12px; color: #555; }
        .good { color: #0b6e2f; font-weight: 700; }
        .bad { color: #b00020; font-weight: 700; }
        .warning { color: #8a5300; font-weight: 700; }
        .muted { color: #6b6b6b; }
        ul.notes { padding-left: 20px; }
        """
}
