/// `issuebench validate SCENARIO...`: reads and checks scenario files (schema, engines, tunables)
/// without running anything. Exit 0 when all are valid, 2 at the first invalid one.
struct ValidateCommand {
    static let specs: [OptionSpec] = [OptionSpec("--help", "show this help")]
    static let help = helpText(
        usage: "issuebench validate SCENARIO...",
        summary: "Checks scenario files: JSON syntax, schema v1, value ranges, engine names and tunables.",
        specs: specs)

    let arguments: Arguments

    init(_ words: [String]) throws(HarnessError) {
        arguments = try Arguments(words, command: "validate", specs: Self.specs)
    }

    func execute() throws(HarnessError) -> ExitCode {
        if arguments.has("--help") {
            print(Self.help)
            return .success
        }
        guard !arguments.positionals.isEmpty else {
            throw .usage(command: "validate", message: "expected one or more scenario files, found none")
        }
        for path in arguments.positionals {
            let plan = try RunPlan(RunOptions(scenarioPaths: [path]))
            let scenario = plan.scenarios[0].scenario
            let trials = plan.trials.count
            print("ok  \(path)  \(scenario.name): \(scenario.issues.counts.count) size(s), \(plan.rows.count) row(s), \(trials) trial(s) on the \(scenario.runs.clock.rawValue) clock")
        }
        return .success
    }
}
