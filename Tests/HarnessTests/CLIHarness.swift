import Foundation
import Measurement

/// Runs the built `issuebench` executable (it sits beside the test bundle in the build folder)
/// in a fresh temporary folder, for end-to-end tests.
struct CLIHarness {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("issuebench-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static var executable: String {
        get throws {
            let me = try ChildProcess.selfExecutablePath()
            var dir = URL(fileURLWithPath: me).deletingLastPathComponent()
            // The test runner may live inside an .xctest bundle folder.
            while dir.path != "/" {
                let candidate = dir.appendingPathComponent("issuebench").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
            throw CLIHarnessError.executableNotBuilt(me)
        }
    }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `issuebench ARGS` with the folder as working directory. `$GITHUB_STEP_SUMMARY` is
    /// blanked unless `environment` sets it, so that tests run in GitHub Actions do not append
    /// their checks to the real job summary.
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 120) throws -> Outcome {
        let script = "cd \"$1\" && shift && exec \"$@\""
        let variables = ["NO_COLOR": "1", "GITHUB_STEP_SUMMARY": ""].merging(environment) { _, given in given }
        let result = try ChildProcess(executable: "/bin/sh", arguments: ["-c", script, "sh", folder.path, try Self.executable] + arguments,
                                      environment: variables, timeoutSeconds: timeout).run()
        guard case .exited(let status) = result.termination else { throw CLIHarnessError.crashed("\(result.termination)") }
        return Outcome(status: status, stdout: String(decoding: result.stdout, as: UTF8.self),
                       stderr: String(decoding: result.stderr, as: UTF8.self))
    }

    /// Files in `name` (a folder inside the test folder), hidden ones included.
    func contents(of name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(name))) ?? []).sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

enum CLIHarnessError: Error {
    case executableNotBuilt(String)
    case crashed(String)
}
