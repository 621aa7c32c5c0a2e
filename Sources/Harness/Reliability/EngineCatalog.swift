import Contract
import Engines
import Foundation

/// The engines a run may name: the shipped ones, plus the test-only `FaultyEngine` when the
/// environment variable `ISSUEBENCH_TEST_ENGINES` is `1`.
///
/// The faulty engine exists so that end-to-end tests can make the built executable crash, hang
/// or cheat on purpose. Ordinary users never see it: without the variable, a scenario that names
/// it fails like any unknown engine, and `list` does not show it. The variable reaches every
/// trial's child process, which inherits the harness's environment.
enum EngineCatalog {
    static let testEnginesVariable = "ISSUEBENCH_TEST_ENGINES"

    static var all: [any IssueEngine.Type] {
        testEnginesEnabled ? EngineRegistry.all + [FaultyEngine.self] : EngineRegistry.all
    }

    static func named(_ name: String) -> (any IssueEngine.Type)? {
        all.first { $0.name == name }
    }

    private static var testEnginesEnabled: Bool {
        ProcessInfo.processInfo.environment[testEnginesVariable] == "1"
    }
}
