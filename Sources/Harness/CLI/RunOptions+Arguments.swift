import Scenario

extension RunOptions {
    /// The options of every command that runs scenarios.
    public static let specs: [OptionSpec] = [
        OptionSpec("--engines", value: "a,b", "run only these engines of each scenario"),
        OptionSpec("--sizes", value: "n,m", "issue counts to run, replacing the scenario's issues.counts"),
        OptionSpec("--repetitions", value: "N", "measured repetitions per row (scenario's runs.repetitions)"),
        OptionSpec("--warmup", value: "N", "warm-up trials per row, not measured (scenario's runs.warmup)"),
        OptionSpec("--clock", value: "wall|virtual", "clock to run on (scenario's runs.clock)"),
        OptionSpec("--set", value: "ENGINE.PARAM=VALUE", repeatable: true, "override an engine's tunable"),
    ]

    /// Reads the options every scenario-running command shares (`run`, `check`).
    public init(_ arguments: Arguments, command: String) throws(HarnessError) {
        guard !arguments.positionals.isEmpty else {
            throw .usage(command: command, message: "expected one or more scenario files, found none; see 'issuebench \(command) --help'")
        }
        self.init(scenarioPaths: arguments.positionals)
        engines = try arguments.list("--engines", command: command)
        if let texts = try arguments.list("--sizes", command: command) {
            sizes = try texts.map { (text: String) throws(HarnessError) -> Int in
                guard let n = Int(text), (1...10_000_000).contains(n) else {
                    throw .usage(command: command, message: "--sizes: expected issue counts in 1...10000000, found '\(text)'")
                }
                return n
            }
        }
        repetitions = try arguments.int("--repetitions", in: 1...1000, command: command)
        warmup = try arguments.int("--warmup", in: 0...100, command: command)
        if let text = arguments.value("--clock") {
            guard let mode = ClockMode(rawValue: text) else {
                throw .usage(command: command, message: "--clock: expected one of \(ClockMode.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
            }
            clock = mode
        }
        overrides = try arguments.all("--set").map { (text: String) throws(HarnessError) in try TunableOverride(parsing: text, command: command) }
    }
}
