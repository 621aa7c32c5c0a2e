import Foundation
import Measurement

extension CLIHarness {
    /// Runs `issuebench ARGS` in the folder with the test-only engines registered
    /// (`ISSUEBENCH_TEST_ENGINES=1`): the faulty engine is reachable only this way.
    func runWithTestEngines(_ arguments: [String], timeout: Double = 120) throws -> Outcome {
        try shell(#"exec "$0" "$@""#, arguments: arguments, timeout: timeout)
    }

    /// Runs `script` with `sh -c` in the folder, `$0` being the executable and `"$@"` `arguments`,
    /// with the test-only engines registered.
    func shell(_ script: String, arguments: [String] = [], timeout: Double = 120) throws -> Outcome {
        let result = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "cd \"$1\" || exit 2\nshift\n\(script)", try Self.executable, folder.path] + arguments,
            environment: ["NO_COLOR": "1", "ISSUEBENCH_TEST_ENGINES": "1"], timeoutSeconds: timeout).run()
        guard case .exited(let status) = result.termination, !result.timedOut else {
            throw CLIHarnessError.crashed("\(result.termination)")
        }
        return Outcome(status: status, stdout: String(decoding: result.stdout, as: UTF8.self),
                       stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}
