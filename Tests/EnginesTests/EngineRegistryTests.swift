import Contract
@testable import Engines
import Testing

@Suite struct EngineRegistryTests {
    @Test func listsThePhasesInOrderAndFindsThemByName() {
        #expect(EngineRegistry.all.map { $0.name } == ["phase1", "phase2", "phase3"])
        #expect(EngineRegistry.named("phase2") == Phase2.self)
        #expect(EngineRegistry.named("phase4") == nil)
    }

    @Test func everyDefaultLiesInItsRangeAndNamesAreUnique() {
        for engine in EngineRegistry.all {
            let names = engine.parameters.map(\.name)
            #expect(Set(names).count == names.count, "\(engine.name) declares a tunable twice")
            for spec in engine.parameters {
                #expect(spec.range.contains(spec.defaultValue), "\(engine.name).\(spec.name)")
                #expect(!spec.meaning.isEmpty)
            }
        }
    }

    @Test func tuningOverridesReachTheEngine() throws {
        let tuning = try Tuning(engine: "phase3", parameters: Phase3.parameters,
                                overrides: ["minConnections": 40, "maxConnections": 20, "compress": 0])
        let engine = Phase3(tuning: tuning)
        #expect(engine.maxConnections == 20)
        #expect(engine.minConnections == 20)
        #expect(!engine.compress)
        #expect(engine.retry == RetryPolicy(maxAttempts: 8, backoff: .exponential(base: .milliseconds(100),
                                                                                 cap: .seconds(10), seed: 1)))
    }
}
