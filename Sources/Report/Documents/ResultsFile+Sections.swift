import Measurement

/// One scenario's part of a results file.
struct ScenarioSection {
    var name: String
    var description: String
    var summaries: [Summary]
}

extension ResultsFile {
    /// The summaries grouped by scenario, in the file's scenario order; a scenario that has
    /// summaries but no entry in `scenarios` still gets its section, after the others.
    var sections: [ScenarioSection] {
        var names = scenarios.map(\.name)
        for summary in summaries where !names.contains(summary.scenario) { names.append(summary.scenario) }
        return names.map { name in
            ScenarioSection(name: name, description: scenarios.first { $0.name == name }?.description ?? "",
                            summaries: summaries.filter { $0.scenario == name })
        }
    }
}
