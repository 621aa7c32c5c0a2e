@testable import Harness
import Testing

/// The full grid of several `--vary`: product, order, limits, and what each engine and workload
/// point takes from it.
struct SweepGridTests {
    private func grid(_ texts: String...) throws -> SweepGrid {
        var axes: [SweepAxis] = []
        for text in texts { axes.append(try SweepAxis(parsing: text)) }
        return try SweepGrid(axes)
    }

    private func message(_ texts: String...) -> String {
        do {
            var axes: [SweepAxis] = []
            for text in texts { axes.append(try SweepAxis(parsing: text)) }
            _ = try SweepGrid(axes)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func severalAxesFormTheFullProductFirstAxisSlowest() throws {
        let grid = try grid("phase3.maxConnections=1,2,4", "api.latencyMs.fixed=10,50")
        #expect(grid.points == [["1", "10"], ["1", "50"], ["2", "10"], ["2", "50"], ["4", "10"], ["4", "50"]])
    }

    @Test func workloadPointsAndTuningsAreTheDistinctParts() throws {
        let grid = try grid("phase3.maxConnections=1,2", "api.latencyMs.fixed=10,50", "phase2.maxConcurrency=4:8:4",
                            "phase3.window=2")
        #expect(grid.points.count == 8)
        #expect(grid.workloadPoints == [[WorkloadPatch(path: "api.latencyMs.fixed", value: "10")],
                                        [WorkloadPatch(path: "api.latencyMs.fixed", value: "50")]])
        #expect(grid.tunings(for: "phase3") == [["maxConnections": 1, "window": 2], ["maxConnections": 2, "window": 2]])
        #expect(grid.tunings(for: "phase2") == [["maxConcurrency": 4], ["maxConcurrency": 8]])
        #expect(grid.tunings(for: "phase1") == [])
    }

    @Test func aGridOfOnlyTunablesHasOneEmptyWorkloadPoint() throws {
        #expect(try grid("phase3.maxConnections=1,2").workloadPoints == [[]])
    }

    @Test func tenThousandPointsAreAllowedAndOneMoreIsNot() throws {
        #expect(try grid("phase3.maxConnections=1:100:1", "api.latencyMs.fixed=1:100:1").points.count == 10_000)
        #expect(message("phase3.maxConnections=1:100:1", "api.latencyMs.fixed=1:101:1")
            == "issuebench sweep: --vary: the grid has 10100 points (100 × 101); a sweep has at most 10000")
    }

    @Test func aGridTooLargeToCountIsStillRejected() {
        let ranges = (0..<5).map { "api.x\($0)=1:9999:1" }
        #expect(message(ranges[0], ranges[1], ranges[2], ranges[3], ranges[4])
            == "issuebench sweep: --vary: the grid has more than 10000 points (9999 × 9999 × 9999 × 9999 × 9999); a sweep has at most 10000")
    }

    @Test func noVaryIsAnEmptyGrid() {
        #expect(message() == "issuebench sweep: expected at least one --vary ENGINE.PARAM=v1,v2,... or PATH=v1,v2,...; the grid is empty")
    }

    @Test func anAxisGivenTwiceIsRejected() {
        #expect(message("phase3.maxConnections=1", "phase3.maxConnections=2")
            == "issuebench sweep: --vary phase3.maxConnections is given twice; give all its values in one --vary")
    }
}
