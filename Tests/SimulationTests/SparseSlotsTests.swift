import Testing
@testable import Simulation

@Suite struct SparseSlotsTests {
    @Test func holdsWhatWasPutUntilItIsTaken() {
        var slots = SparseSlots<Int64>(count: 2_000, empty: -1)
        #expect(slots[1_999] == -1 && slots.take(7) == -1)
        slots.put(70, at: 7)
        slots.put(71, at: 7)
        slots.put(1_999, at: 1_999)
        #expect(slots[7] == 71 && slots[1_999] == 1_999 && slots[8] == -1)
        #expect(slots.valueCount == 2 && slots.occupiedChunks == 2)
        #expect(slots.take(7) == 71)
        #expect(slots.take(7) == -1)
        #expect(slots.valueCount == 1 && slots.occupiedChunks == 1)
    }

    /// A window of 300 values moved over 200,000 indices: the memory follows the window.
    @Test func aMovingWindowHoldsAFewChunks() {
        var slots = SparseSlots<Int64>(count: 200_000, empty: .min)
        var mostOccupied = 0
        var wrong = 0
        for i in 0..<200_300 {
            if i < 200_000 { slots.put(Int64(i), at: i) }
            if i >= 300, slots.take(i - 300) != Int64(i - 300) { wrong += 1 }
            if i % 100 == 0 { mostOccupied = max(mostOccupied, slots.occupiedChunks) }
        }
        #expect(wrong == 0)
        #expect(mostOccupied == 2)
        #expect(slots.occupiedChunks == 0 && slots.valueCount == 0)
    }
}
