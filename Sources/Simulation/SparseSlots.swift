/// A value per index that costs memory only for the chunks of indices holding a value: when work
/// on each issue in flight began, for a million issues, in the few kilobytes of the issues in
/// flight.
///
/// The indices are cut into chunks of 512. A chunk with no value (every index `empty`) holds
/// nothing; the first value put in it gives it a slot of 512 values in a shared pool, and taking
/// out its last value gives the slot back. A hash table would do the same in less memory for
/// scattered indices, at several times the cost: an engine works on a window of neighbouring
/// issues, so a few slots hold them, and putting or taking a value is a few array accesses.
struct SparseSlots<Value: Equatable> {
    static var chunkShift: Int { 9 }
    static var chunkSize: Int { 1 << chunkShift }

    let count: Int
    /// The value of an index that holds none.
    let empty: Value
    /// Per chunk: its slot in `pool`, or −1 when it holds no value.
    private var slots: [Int32]
    /// Per slot: how many of its values are not `empty`.
    private var held: [Int32] = []
    /// The values of chunks that hold some, `chunkSize` per slot; it keeps the largest size it reached.
    private var pool: [Value] = []
    /// Slots given back, for the next chunk that needs one.
    private var freeSlots: [Int32] = []

    init(count: Int, empty: Value) {
        self.count = count
        self.empty = empty
        slots = Array(repeating: -1, count: (count + Self.chunkSize - 1) >> Self.chunkShift)
    }

    subscript(index: Int) -> Value {
        precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
        let slot = Int(slots[index >> Self.chunkShift])
        return slot < 0 ? empty : pool[slot << Self.chunkShift | (index & (Self.chunkSize - 1))]
    }

    /// Puts `value` (not `empty`) at `index`, in place of what was there.
    mutating func put(_ value: Value, at index: Int) {
        precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
        let chunk = index >> Self.chunkShift
        var slot = Int(slots[chunk])
        if slot < 0 { slot = takeSlot(for: chunk) }
        let at = slot << Self.chunkShift | (index & (Self.chunkSize - 1))
        if pool[at] == empty { held[slot] += 1 }
        pool[at] = value
    }

    /// Takes out the value at `index`, leaving `empty`; returns it (`empty` if there was none).
    mutating func take(_ index: Int) -> Value {
        precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
        let chunk = index >> Self.chunkShift
        let slot = Int(slots[chunk])
        guard slot >= 0 else { return empty }
        let at = slot << Self.chunkShift | (index & (Self.chunkSize - 1))
        let value = pool[at]
        guard value != empty else { return empty }
        pool[at] = empty
        release(chunk, slot)
        return value
    }

    /// Chunks holding a value.
    var occupiedChunks: Int {
        slots.count { $0 >= 0 }
    }

    /// Values held.
    var valueCount: Int {
        Int(held.reduce(0, +))
    }

    /// One value of `chunk`, in `slot`, was taken out: the slot is free when it was the last.
    private mutating func release(_ chunk: Int, _ slot: Int) {
        held[slot] -= 1
        if held[slot] == 0 {
            slots[chunk] = -1
            freeSlots.append(Int32(slot))
        }
    }

    /// Gives `chunk` a slot of `empty` values; returns it.
    private mutating func takeSlot(for chunk: Int) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
        } else {
            slot = held.count
            held.append(0)
            pool.append(contentsOf: repeatElement(empty, count: Self.chunkSize))
        }
        slots[chunk] = Int32(slot)
        return slot
    }
}

extension SparseSlots: Sendable where Value: Sendable {}
