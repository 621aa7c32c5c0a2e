import Contract
import Engines
import Foundation
import Scenario

/// `issuebench list`: the engines with their tunables, and the shipped scenarios.
struct ListCommand {
    static let specs: [OptionSpec] = [
        OptionSpec("--scenarios", value: "DIR", "where to look for scenarios (default: Scenarios)"),
        OptionSpec("--help", "show this help"),
    ]
    static let help = helpText(
        usage: "issuebench list [--scenarios DIR]",
        summary: "Lists every engine with its tunables (default, range, meaning) and the shipped scenarios.",
        specs: specs,
        footer: "Override a tunable with: issuebench run SCENARIO --set ENGINE.PARAM=VALUE")

    let arguments: Arguments

    init(_ words: [String]) throws(HarnessError) {
        arguments = try Arguments(words, command: "list", specs: Self.specs)
    }

    func execute() throws(HarnessError) -> ExitCode {
        if arguments.has("--help") {
            print(Self.help)
            return .success
        }
        print("engines:")
        for engine in EngineRegistry.all {
            print("  \(engine.name) — \(engine.summary)")
            let rows = engine.parameters.map { p in
                ("\(engine.name).\(p.name)", "default \(format(p.defaultValue))",
                 "range \(format(p.range.lowerBound))...\(format(p.range.upperBound))", p.meaning)
            }
            let w0 = rows.map(\.0.count).max() ?? 0, w1 = rows.map(\.1.count).max() ?? 0, w2 = rows.map(\.2.count).max() ?? 0
            for r in rows {
                print("    \(pad(r.0, w0))  \(pad(r.1, w1))  \(pad(r.2, w2))  \(r.3)")
            }
        }
        let directory = arguments.value("--scenarios") ?? "Scenarios"
        print("\nscenarios in \(directory)/:")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        if files.isEmpty { print("  (none)") }
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            do {
                let s = try Scenario.load(path: path)
                let counts = s.issues.counts.map { String($0) }.joined(separator: ", ")
                print("  \(path) — \(firstSentence(s.description)) [issues: \(counts); clock: \(s.runs.clock.rawValue)]")
            } catch {
                print("  \(path) — invalid: \(error)")
            }
        }
        return .success
    }

    private func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }

    private func firstSentence(_ text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}
