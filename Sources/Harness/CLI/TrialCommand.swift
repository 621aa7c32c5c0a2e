import Foundation
import Measurement

/// `issuebench __trial`: the child side of trial isolation. Reads a `TrialSpec` as JSON on stdin,
/// runs it, prints its `TrialRecord` as one line of JSON on stdout. Not for people: the runner
/// starts it. The engine's run is bounded by the process alarm (`runs.timeoutSeconds`), so a hung
/// engine ends this process with `SIGALRM`, which the runner records as a timeout.
enum TrialCommand {
    static let name = "__trial"

    static func execute() async -> ExitCode {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let spec: TrialSpec
        do { spec = try JSONDecoder().decode(TrialSpec.self, from: input) } catch {
            printError("\(name): expected a trial spec as JSON on stdin: \(error)")
            return .badInput
        }
        let record: TrialRecord
        do { record = try await TrialExecution(spec: spec, armsAlarm: true).run() } catch {
            printError("\(name): \(error)")
            return .badInput
        }
        do {
            let line = try JSONEncoder().encode(record)
            FileHandle.standardOutput.write(line + Data("\n".utf8))
        } catch {
            printError("\(name): cannot encode the record: \(error)")
            return .failure
        }
        return .success
    }
}
