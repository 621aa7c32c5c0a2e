import Contract
import Testing
@testable import Simulation

@Suite struct SeededRandomTests {
    @Test func finaliserMatchesTheSplitMix64ReferenceOutput() {
        // SplitMix64 with state 0 first returns 0xe220a8397b1dcdaf (Vigna's splitmix64.c).
        #expect(SeededRandom.finalize(SplitMix64.gamma) == 0xE220_A839_7B1D_CDAF)
    }

    @Test func seedFortyTwoGivesTheSameNumbersOnEveryMachine() {
        var random = SeededRandom(seed: 42)
        #expect([random.next(), random.next(), random.next()]
                == [0x989B_3F13_0A06_3869, 0x290D_B4BF_2570_DED7, 0x2A99_0BE6_3A01_B2D5])
    }

    @Test func sameSeedSameStreamAndNeighbouringSeedsDiffer() {
        var a = SeededRandom(seed: 7), b = SeededRandom(seed: 7), c = SeededRandom(seed: 8)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        let neighbour = (0..<100).map { _ in c.next() }
        #expect(zip(first, neighbour).allSatisfy { $0 != $1 })
    }

    /// The low 32 bits scaled to 0..<bound: worked out by hand, and every value reached.
    @Test func scaleMapsTheLowBitsOntoTheWholeRange() {
        #expect(SeededRandom.scale(0, below: 10) == 0)
        #expect(SeededRandom.scale(0x8000_0000, below: 10) == 5)
        #expect(SeededRandom.scale(0xFFFF_FFFF, below: 10) == 9)
        #expect(SeededRandom.scale(0xABCD_0000_0000_0000, below: 10) == 0)  // high bits are not read
        var random = SeededRandom(seed: 3)
        let seen = Set((0..<1_000).map { _ in SeededRandom.scale(random.next(), below: 7) })
        #expect(seen == Set(0..<7))
    }

    @Test func mixIsAPureOrderSensitiveFunctionOfItsWords() {
        #expect(SeededRandom.mix(1, 2) == 0x081A_5C13_7785_6B73)
        #expect(SeededRandom.mix(2, 1) == 0xF282_6F98_653E_9E57)
        #expect(SeededRandom.mix(1, 2, 3) != SeededRandom.mix(1, 3, 2))
        #expect(SeededRandom.mix(1, 2, 3, 4) != SeededRandom.mix(1, 2, 3, 5))
        let keys = Set((0..<10_000 as Range<UInt64>).map { SeededRandom.mix(42, 101, $0, 0) })
        #expect(keys.count == 10_000)
    }

    @Test func unitNumbersStayInTheirIntervals() {
        var random = SeededRandom(seed: 1)
        for _ in 0..<10_000 {
            let closedAbove = random.nextOpenUnit()
            #expect(closedAbove > 0 && closedAbove <= 1)
            let openAbove = random.nextUnit()
            #expect(openAbove >= 0 && openAbove < 1)
        }
    }

    @Test func boundedIntegersCoverTheirRangeEvenly() {
        var random = SeededRandom(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[random.next(below: 7)] += 1 }
        #expect(counts.allSatisfy { (9_500...10_500).contains($0) }, "\(counts)")
    }
}
