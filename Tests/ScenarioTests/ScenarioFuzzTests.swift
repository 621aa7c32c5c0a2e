import Contract
import Testing
@testable import Scenario

/// A quick in-test fuzz: damaged documents must end in a `Scenario` or a `ScenarioError`, never a
/// crash. (Typed throws already guarantees no other error type can escape.)
struct ScenarioFuzzTests {
    @Test func damagedScenariosDecodeOrFailCleanly() {
        var rng = SplitMix64(seed: 2024)
        let original = Array(Fixtures.full.utf8)
        let interesting = Array(#"{}[],:"\-+.0123456789eE tfnu"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
        var decoded = 0
        for round in 0..<400 {
            var bytes = original
            for _ in 0..<(1 + round % 4) {
                let at = Int.random(in: 0..<max(1, bytes.count), using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !bytes.isEmpty: bytes[at] = interesting.randomElement(using: &rng)!
                case 1 where !bytes.isEmpty: bytes.remove(at: at)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
                default: bytes.removeSubrange(min(at, bytes.count)...)
                }
            }
            do {
                _ = try Scenario.decode(bytes, file: "fuzz.json")
                decoded += 1
            } catch {
                #expect(error.description.hasPrefix("fuzz.json: "))
            }
        }
        // Some damage is harmless (inside a description, say); most is not.
        #expect(decoded > 0 && decoded < 400)
    }

    @Test func randomBytesNeverCrashTheParser() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array(#"{}[],:"\u0123456789abcdefABCDEF.eE+- "#.utf8) + [0x0A, 0x80, 0xBF, 0xC2, 0xE0, 0xF0, 0xFF]
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            _ = Fixtures.parseMessage(bytes)
        }
    }
}
