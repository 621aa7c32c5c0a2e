import Engines
@testable import Harness
import Testing

/// `--vary` parsing: lists, ranges, what is a tunable and what a workload path, every error exact.
struct SweepAxisTests {
    private func values(_ text: String) throws -> [String] { try SweepAxis(parsing: text).values }

    private func message(_ text: String) -> String {
        do {
            _ = try SweepAxis(parsing: text)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func listOfValuesOnATunable() throws {
        let axis = try SweepAxis(parsing: "phase3.maxConnections=1,2,4,8,16,32,64")
        #expect(axis.target == .tunable(engine: "phase3", parameter: "maxConnections"))
        #expect(axis.name == "phase3.maxConnections")
        #expect(axis.engine == "phase3")
        #expect(axis.values == ["1", "2", "4", "8", "16", "32", "64"])
        #expect(axis.patch("1") == nil)
    }

    @Test func rangesIncludeTheStopWhenTheStepsLandOnIt() throws {
        #expect(try values("phase3.maxConnections=1:10:3") == ["1", "4", "7", "10"])
        #expect(try values("phase3.maxConnections=1:9:3") == ["1", "4", "7"])
        #expect(try values("phase3.maxConnections=5:5:1") == ["5"])
    }

    @Test func decimalStepsGiveTheValuesAsWritten() throws {
        let tenths = try values("api.latencyMs.fixed=0:1:0.1")
        #expect(tenths.count == 11)
        #expect(tenths[3] == "0.3")
        #expect(tenths.last == "1")
        #expect(try values("api.latencyMs.fixed=0:1:0.25") == ["0", "0.25", "0.5", "0.75", "1"])
    }

    @Test func listsAndRangesMix() throws {
        #expect(try values("phase3.maxConnections=1,2,10:30:10,64") == ["1", "2", "10", "20", "30", "64"])
    }

    @Test func aWorkloadPathKeepsItsJSONValuesAndCountsBecomeAList() throws {
        let latency = try SweepAxis(parsing: "api.latencyMs.fixed=1,10,100")
        #expect(latency.target == .workload(path: "api.latencyMs.fixed"))
        #expect(latency.engine == nil)
        #expect(latency.patch("10") == WorkloadPatch(path: "api.latencyMs.fixed", value: "10"))
        let counts = try SweepAxis(parsing: "issues.counts=1000,10000")
        #expect(counts.patch("1000") == WorkloadPatch(path: "issues.counts", value: "[1000]"))
        #expect(try values(#"runs.clock="wall","virtual""#) == [#""wall""#, #""virtual""#])
    }

    @Test func malformedRangesAndListsAreRejected() {
        #expect(message("phase3.maxConnections=1:64:0")
            == "issuebench sweep: --vary phase3.maxConnections=1:64:0: the step of '1:64:0' must be above 0")
        #expect(message("phase3.maxConnections=1:64:-2")
            == "issuebench sweep: --vary phase3.maxConnections=1:64:-2: the step of '1:64:-2' must be above 0")
        #expect(message("phase3.maxConnections=1:64")
            == "issuebench sweep: --vary phase3.maxConnections=1:64: expected a range start:stop:step of numbers, found '1:64'")
        #expect(message("phase3.maxConnections=1:x:2")
            == "issuebench sweep: --vary phase3.maxConnections=1:x:2: expected a range start:stop:step of numbers, found '1:x:2'")
        #expect(message("phase3.maxConnections=1,,2")
            == "issuebench sweep: --vary phase3.maxConnections=1,,2: expected values or start:stop:step ranges separated by commas, found an empty item")
        #expect(message("phase3.maxConnections=1,x") == "issuebench sweep: --vary phase3.maxConnections=1,x: expected a number, found 'x'")
        #expect(message("phase3.maxConnections=1,2,1:4:1") == "issuebench sweep: --vary phase3.maxConnections=1,2,1:4:1: 1 is given twice")
        #expect(message("phase3.maxConnections=1:20000:1")
            == "issuebench sweep: --vary phase3.maxConnections=1:20000:1: the range '1:20000:1' has more than 10000 values")
    }

    @Test func noValuesMeanAnEmptyGrid() {
        #expect(message("phase3.maxConnections=") == "issuebench sweep: --vary phase3.maxConnections=: no values, so the grid is empty")
        #expect(message("phase3.maxConnections=8:1:1")
            == "issuebench sweep: --vary phase3.maxConnections=8:1:1: the range '8:1:1' has no values (start above stop), so the grid is empty")
    }

    @Test func namesThatAreNeitherAreRejected() {
        #expect(message("nothing") == "issuebench sweep: --vary: expected ENGINE.PARAM=v1,v2,... or PATH=v1,v2,..., found 'nothing'")
        #expect(message("=1,2") == "issuebench sweep: --vary: expected ENGINE.PARAM=v1,v2,... or PATH=v1,v2,..., found '=1,2'")
        #expect(message("phase3=1") == "issuebench sweep: --vary phase3=1: expected ENGINE.PARAM, found 'phase3'")
        #expect(message("phase4.maxConnections=1")
            == "--vary: unknown engine 'phase4' (did you mean 'phase1'?); expected one of phase1, phase2, phase3")
    }

    @Test func tunablesAreCheckedByTheEngineItself() {
        let known = Phase3.parameters.map(\.name).joined(separator: ", ")
        #expect(message("phase3.maxConection=1")
            == "--vary: phase3 has no tunable 'maxConection' (did you mean 'maxConnections'?); it has: \(known)")
        #expect(message("phase3.maxConnections=1,0") == "--vary: phase3.maxConnections: expected a number in 1...1024, found 0")
        #expect(message("phase3.maxConnections=1:3000:1500")
            == "--vary: phase3.maxConnections: expected a number in 1...1024, found 1501")
        #expect(message("phase3.maxConnections=2.5") == "--vary: phase3.maxConnections: expected a whole number, found 2.5")
    }

    @Test func workloadValuesAndPathsAreCheckedByTheScenarioPatch() {
        #expect(message("api.latencyMs.fixed=abc") == "issuebench sweep: --vary api.latencyMs.fixed=abc: api.latencyMs.fixed: "
            + #"expected a JSON value such as 10, [1,2] or "x" (strings in double quotes), found 'abc'"#)
        #expect(message("api..x=1") == "issuebench sweep: --vary api..x=1: expected a path of keys and [index] such as "
            + "api.latencyMs.fixed or issues.counts[0], found 'api..x'")
    }
}
