import Foundation
import Testing
@testable import Scenario

struct ScenarioLoadTests {
    @Test func missingFileNamesTheFileAndTheOSReason() {
        #expect(throws: ScenarioError(file: "nope.json", location: .file,
                                      problem: .unreadable(reason: "No such file or directory"))) {
            try Scenario.load(path: "nope.json")
        }
        do {
            _ = try Scenario.load(path: "nope.json")
        } catch {
            #expect(error.description == "nope.json: cannot read: No such file or directory")
        }
    }

    @Test func directoryIsUnreadable() {
        #expect(throws: ScenarioError(file: "/", location: .file, problem: .unreadable(reason: "Is a directory"))) {
            try Scenario.load(path: "/")
        }
    }

    @Test func loadsAFileFromDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-load-\(getpid()).json").path
        try Fixtures.full.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Scenario.load(path: path) == Fixtures.decode(Fixtures.full))
        #expect(try Scenario.load(path: path, patches: [JSONPatch(path: "seed", valueText: "3")]).seed == 3)
    }

    @Test func shippedScenariosAreValid() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for file in files {
            let scenario = try Scenario.load(path: directory.appendingPathComponent(file).path)
            #expect(scenario.name + ".json" == file)
        }
    }
}
