/// A value per index that costs memory only for the chunks of indices holding a value: when work
/// on each issue in flight began, for a million issues, in the few kilobytes of the issues in
/// flight.
///
/// The indices are cut into chunks of 512. A chunk with no value (every index `empty`) holds
/// nothing; the first value put in it gives it a slot of 512 values in a shared pool, and taking
/// out its last value gives the slot back. A hash table would do the same in less memory for
/// scattered indices, at several times the cost: an engine works on a window of neighbouring
/// issues, so a few slots hold them, and putting or taking a value is a few loads and stores.
///
/// Noncopyable, over memory it owns: arrays checked their uniqueness and bounds on each access,
/// which cost more than the rest of putting and taking a value. The one check left is the index's
/// against `count`; every other offset is in range by construction (see `put`).
struct SparseSlots<Value: Equatable>: ~Copyable {
    static var chunkShift: Int { 9 }
    static var chunkSize: Int { 1 << chunkShift }

    let count: Int
    /// The value of an index that holds none.
    let empty: Value
    /// Per chunk, `chunkCount` of them: its slot in `pool`, or −1 when it holds no value.
    private let slots: UnsafeMutablePointer<Int32>
    private let chunkCount: Int
    /// Per slot: how many of its values are not `empty`; `capacity` allocated, `slotCount` in use.
    private var held: UnsafeMutablePointer<Int32>
    /// The values of chunks that hold some, `chunkSize` per slot; `slotCount` slots initialised.
    /// It keeps the largest size it reached.
    private var pool: UnsafeMutablePointer<Value>
    /// Slots given out so far (each in use or in `freeSlots`), and slots allocated.
    private var slotCount = 0
    private var capacity = 0
    /// Slots given back, for the next chunk that needs one.
    private var freeSlots: [Int32] = []

    init(count: Int, empty: Value) {
        self.count = count
        self.empty = empty
        chunkCount = (count + Self.chunkSize - 1) >> Self.chunkShift
        slots = .allocate(capacity: chunkCount)
        slots.initialize(repeating: -1, count: chunkCount)
        held = .allocate(capacity: 0)
        pool = .allocate(capacity: 0)
    }

    deinit {
        pool.deinitialize(count: slotCount << Self.chunkShift)
        pool.deallocate()
        held.deallocate()
        slots.deallocate()
    }

    subscript(index: Int) -> Value {
        precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
        let slot = Int(slots[index >> Self.chunkShift])
        return slot < 0 ? empty : pool[slot << Self.chunkShift | (index & (Self.chunkSize - 1))]
    }

    /// Puts `value` (not `empty`) at `index`, in place of what was there. In range: `index` below
    /// `count` puts its chunk below `chunkCount`, and a chunk's slot, once given, is below `slotCount`.
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
        held[slot] -= 1
        if held[slot] == 0 {
            slots[chunk] = -1
            freeSlots.append(Int32(slot))
        }
        return value
    }

    /// Chunks holding a value.
    var occupiedChunks: Int {
        UnsafeBufferPointer(start: slots, count: chunkCount).count { $0 >= 0 }
    }

    /// Values held.
    var valueCount: Int {
        Int(UnsafeBufferPointer(start: held, count: slotCount).reduce(0, +))
    }

    /// Gives `chunk` a slot of `empty` values; returns it.
    private mutating func takeSlot(for chunk: Int) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
        } else {
            if slotCount == capacity { grow() }
            slot = slotCount
            slotCount += 1
            held[slot] = 0
            (pool + slot << Self.chunkShift).initialize(repeating: empty, count: Self.chunkSize)
        }
        slots[chunk] = Int32(slot)
        return slot
    }

    /// Doubles the slots allocated, moving the ones given out.
    private mutating func grow() {
        capacity = Swift.max(1, capacity * 2)
        let newHeld = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        newHeld.moveInitialize(from: held, count: slotCount)
        held.deallocate()
        held = newHeld
        let newPool = UnsafeMutablePointer<Value>.allocate(capacity: capacity << Self.chunkShift)
        newPool.moveInitialize(from: pool, count: slotCount << Self.chunkShift)
        pool.deallocate()
        pool = newPool
    }
}
