/// A byte per index that costs memory only where the bytes still differ: the per-issue state of a
/// trial (delivered, read, labelled…) for a million issues in a few kilobytes.
///
/// The indices are cut into chunks of 4,096. A chunk whose bytes are all equal is that one byte
/// (settled); the first write that makes them differ gives it a slot of 4,096 bytes in a shared
/// pool, and the write that makes them all equal again gives the slot back. Every issue of a run
/// ends in the same few states, and an engine works on a window of issues at a time, so only the
/// chunks under that window hold slots: memory follows the window, not the issue count, and it is
/// the same at a thousand issues as at a million. A dense array would cost a byte per issue for
/// the whole run. (Should a run leave many chunks unsettled — a fault on every few thousandth
/// issue — it costs a byte an index, as a dense array would.)
///
/// Knowing when a chunk settles costs O(1) a write: a slot counts its bytes that differ from its
/// first byte, and recounts (one pass over 4 KB) only when the first byte itself changes, which a
/// run does a few times per chunk.
///
/// Noncopyable, over memory it owns, as `SparseSlots`: plain arrays checked their uniqueness and
/// bounds on each access, which cost more than the rest of a write. Each request on a zero-latency
/// trial makes three (the attempt table, the API's ledger, the harness's sink): with arrays they
/// cost 373 instructions a request, now 210 (callgrind, `unlimited-fast`). The one check left is the index's
/// against `count`; every other offset is in range by construction (see `update`). `copy()` makes
/// an independent copy where one is needed.
public struct SettlingBytes: ~Copyable {
    static let chunkShift = 12
    static let chunkSize = 1 << chunkShift

    /// A chunk: settled (`slot` −1, every byte `uniform`) or in a slot of `pool`.
    struct Chunk {
        var slot: Int32 = -1
        /// While in a slot: how many of its bytes differ from the first.
        var differing: Int32 = 0
        var uniform: UInt8
    }

    public let count: Int
    /// `chunkCount` of them.
    private let chunks: UnsafeMutablePointer<Chunk>
    private let chunkCount: Int
    /// The bytes of unsettled chunks, `chunkSize` per slot; `capacity` slots allocated, `slotCount`
    /// of them given out (in use or in `freeSlots`). It keeps the largest size it reached.
    private var pool: UnsafeMutablePointer<UInt8>
    private var slotCount = 0
    private var capacity = 0
    /// Slots given back, for the next chunk that unsettles.
    private var freeSlots: [Int32] = []

    /// `count` bytes, all `value`.
    public init(count: Int, value: UInt8 = 0) {
        precondition(count >= 0, "SettlingBytes(count: \(count))")
        self.count = count
        chunkCount = (count + Self.chunkSize - 1) >> Self.chunkShift
        chunks = .allocate(capacity: chunkCount)
        chunks.initialize(repeating: Chunk(uniform: value), count: chunkCount)
        pool = .allocate(capacity: 0)
    }

    deinit {
        pool.deallocate()
        chunks.deallocate()
    }

    /// An independent copy of these bytes.
    public func copy() -> SettlingBytes {
        var copy = SettlingBytes(count: count)
        copy.chunks.update(from: chunks, count: chunkCount)
        copy.grow(to: slotCount)
        copy.pool.initialize(from: pool, count: slotCount << Self.chunkShift)
        copy.slotCount = slotCount
        copy.freeSlots = freeSlots
        return copy
    }

    public subscript(index: Int) -> UInt8 {
        @inline(__always) get {
            precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
            let chunk = chunks[index >> Self.chunkShift]
            return chunk.slot < 0 ? chunk.uniform : pool[Int(chunk.slot) << Self.chunkShift | (index & (Self.chunkSize - 1))]
        }
        set {
            _ = update(index) { _ in newValue }
        }
    }

    /// Sets `bits` in byte `index`; returns the byte as it was.
    @inline(__always)
    public mutating func insert(bits: UInt8, at index: Int) -> UInt8 {
        update(index) { $0 | bits }
    }

    /// Replaces byte `index` with `change(byte)`; returns the byte as it was. One look-up of its
    /// chunk for the read and the write. In range: `index` below `count` puts its chunk below
    /// `chunkCount`, and a chunk's slot, once given, is below `slotCount`.
    @inline(__always)
    mutating func update(_ index: Int, _ change: (UInt8) -> UInt8) -> UInt8 {
        precondition(index >= 0 && index < count, "index \(index) is outside 0..<\(count)")
        let c = index >> Self.chunkShift
        let chunk = chunks[c]
        guard chunk.slot >= 0 else {
            let new = change(chunk.uniform)
            if new != chunk.uniform { write(new, at: index, unsettling: c) }
            return chunk.uniform
        }
        let base = Int(chunk.slot) << Self.chunkShift
        let at = base | (index & (Self.chunkSize - 1))
        let old = pool[at]
        let new = change(old)
        if new != old { write(new, at: at, base: base, old: old, in: c) }
        return old
    }

    /// Writes a byte of settled chunk `c` that differs from its uniform byte.
    private mutating func write(_ value: UInt8, at index: Int, unsettling c: Int) {
        let base = unsettle(c) << Self.chunkShift
        write(value, at: base | (index & (Self.chunkSize - 1)), base: base, old: chunks[c].uniform, in: c)
    }

    /// Writes `value`, not `old`, at `at` in the slot from `base` of chunk `c`, and settles the
    /// chunk if its bytes are now all equal.
    @inline(__always)
    private mutating func write(_ value: UInt8, at: Int, base: Int, old: UInt8, in c: Int) {
        let first = pool[base]
        pool[at] = value
        if at == base {
            chunks[c].differing = recount(base, length(of: c), against: value)
        } else if old == first {
            chunks[c].differing += 1
        } else if value == first {
            chunks[c].differing -= 1
        } else {
            return
        }
        if chunks[c].differing == 0 { settle(c) }
    }

    /// How many chunks hold a slot: what the bytes cost beyond 9 bytes per 4,096 indices.
    public var unsettledChunks: Int {
        UnsafeBufferPointer(start: chunks, count: chunkCount).count { $0.slot >= 0 }
    }

    /// Gives chunk `c` a slot holding its uniform byte throughout; returns the slot.
    private mutating func unsettle(_ c: Int) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
        } else {
            if slotCount == capacity { grow(to: Swift.max(1, capacity * 2)) }
            slot = slotCount
            slotCount += 1
        }
        // Whole, for a shorter last chunk too: every slot given out is initialised (see `copy`).
        (pool + slot << Self.chunkShift).initialize(repeating: chunks[c].uniform, count: Self.chunkSize)
        chunks[c].slot = Int32(slot)
        chunks[c].differing = 0
        return slot
    }

    /// Allocates room for `slots` slots, moving the ones given out.
    private mutating func grow(to slots: Int) {
        capacity = slots
        let newPool = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity << Self.chunkShift)
        newPool.moveInitialize(from: pool, count: slotCount << Self.chunkShift)
        pool.deallocate()
        pool = newPool
    }

    /// Chunk `c`'s bytes are all equal again: it is its first byte, and its slot is free.
    private mutating func settle(_ c: Int) {
        let slot = chunks[c].slot
        chunks[c] = Chunk(uniform: pool[Int(slot) << Self.chunkShift])
        freeSlots.append(slot)
    }

    /// How many of the `length` bytes from `base` differ from `value`.
    private func recount(_ base: Int, _ length: Int, against value: UInt8) -> Int32 {
        var count: Int32 = 0
        for at in base ..< base + length where pool[at] != value { count += 1 }
        return count
    }

    /// Indices in chunk `c`: `chunkSize`, but for a shorter last chunk.
    private func length(of c: Int) -> Int {
        Swift.min(Self.chunkSize, count - (c << Self.chunkShift))
    }
}
