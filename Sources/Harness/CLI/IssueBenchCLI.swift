import Contract
import Foundation

/// Exit codes CI can tell apart.
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// A regression, a failed threshold or a failed exactly-once verification.
    case failure = 1
    /// Bad input or usage.
    case badInput = 2
    /// SIGINT or SIGTERM stopped a run (128 + SIGINT, as shells report it).
    case interrupted = 130
}

/// The `issuebench` command line: picks the sub-command, turns errors into messages and exit codes.
public enum IssueBenchCLI {
    static let commands: [(name: String, summary: String)] = [
        ("run", "run scenarios against the engines and print the comparison"),
        ("validate", "check scenario files without running them"),
        ("check", "compare results with a baseline; exit 1 on a regression"),
        ("sweep", "run one scenario over a grid of tunables and workload values; best and knee"),
        ("report", "render results files as tables or one HTML page"),
        ("list", "list the engines with their tunables, and the shipped scenarios"),
    ]

    static var usage: String {
        let width = commands.map(\.name.count).max()! + 2
        let lines = commands.map { "  \($0.name)\(String(repeating: " ", count: width - $0.name.count))\($0.summary)" }
        return """
        usage: issuebench <command> [options]

        A benchmark and performance-verification harness for issue-processing engines.

        commands:
        \(lines.joined(separator: "\n"))

        'issuebench <command> --help' describes a command. Exit codes: 0 success; 1 a failed
        verification (or regression / threshold); 2 bad input or usage; 130 interrupted.
        """
    }

    /// Runs the command line `arguments` (without the program name) and returns the exit code.
    public static func main(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            printError(usage)
            return ExitCode.badInput.rawValue
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "run": return try await RunCommand(rest).execute().rawValue
            case "validate": return try ValidateCommand(rest).execute().rawValue
            case "check": return try await CheckCommand(rest).execute().rawValue
            case "sweep": return try await SweepCommand(rest).execute().rawValue
            case "report": return try ReportCommand(rest).execute().rawValue
            case "list": return try ListCommand(rest).execute().rawValue
            case TrialCommand.name: return await TrialCommand.execute().rawValue
            case "-h", "--help", "help":
                print(usage)
                return ExitCode.success.rawValue
            default:
                let hint = nearest(to: command, in: commands.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                throw HarnessError.usage(command: command, message: "unknown command\(hint); see 'issuebench --help'")
            }
        } catch let error as HarnessError {
            printError("error: \(error)")
            return ExitCode.badInput.rawValue
        } catch {
            printError("error: \(error)")
            return ExitCode.badInput.rawValue
        }
    }
}

/// Writes a line to stderr, after whatever stdout holds, so the two never interleave mid-line.
func printError(_ text: String) {
    fflush(nil)
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
