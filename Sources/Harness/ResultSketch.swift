import Contract
import Simulation

/// The results an engine delivered, as an invertible Bloom lookup table of (issue id, result
/// digest) pairs: a fixed 48 KiB at any issue count, where keeping each issue's digest cost
/// 8 bytes an issue.
///
/// The sink inserts each first delivery; after the run the verifier removes the digest the corpus
/// gives for every delivered issue. Right results cancel out; each wrong one leaves two pairs —
/// the delivered digest inserted, the right one removed — and `difference()` lists them, so the
/// verifier names wrong issues exactly, as a per-issue array did, while there are up to a few
/// hundred (then it gives a lower bound and the ids it could recover). Any single wrong bit is
/// found whatever the count: two different pairs never cancel in every cell.
///
/// Each pair goes to one cell in each of three parts, chosen by a hash of the pair; a cell sums
/// the pairs' signs and XORs their ids, digests and a check hash. A cell holding one pair is
/// recognised by its check, taken out of its three cells, and so on (peeling).
struct ResultSketch: Sendable, Equatable {
    static let parts = 3
    /// Bits of a pair's hash that pick its cell in a part.
    static let partBits = 9
    static let cellsPerPart = 1 << partBits

    struct Cell: Sendable, Equatable {
        var count: Int64 = 0
        var ids: UInt64 = 0
        var digests: UInt64 = 0
        var checks: UInt64 = 0

        var isEmpty: Bool { count == 0 && ids == 0 && digests == 0 && checks == 0 }
    }

    private var cells = [Cell](repeating: Cell(), count: parts * cellsPerPart)

    /// One pair the sketch holds after insertions and removals.
    struct Pair: Equatable {
        var id: IssueID
        var digest: UInt64
        /// +1: inserted more often than removed (delivered); −1: removed more often (expected).
        var sign: Int64
    }

    /// What `difference()` recovered.
    struct Difference: Equatable {
        var pairs: [Pair]
        /// Cells left that peeling could not empty: 0 when `pairs` is the whole difference.
        var residualCells: Int
    }

    /// A pair with its hashes, worked out before it is inserted: outside the sink's lock.
    struct Entry: Sendable {
        let id: UInt64
        let digest: UInt64
        let hash: UInt64
        let check: UInt64

        /// Inlined into `VerifyingSink.deliver`: called, it cost 14 instructions a delivery
        /// (callgrind, `unlimited-fast`: 84.88 M -> 84.60 M for 20,200 requests).
        @inline(__always)
        init(id: IssueID, digest: UInt64) {
            self.id = UInt64(bitPattern: Int64(id))
            self.digest = digest
            hash = ResultSketch.hash(self.id, digest)
            check = ResultSketch.check(hash)
        }
    }

    mutating func insert(_ entry: Entry) {
        apply(entry, sign: 1)
    }

    mutating func remove(_ entry: Entry) {
        apply(entry, sign: -1)
    }

    /// The pairs inserted and not removed, or removed and not inserted, as far as peeling gets.
    func difference() -> Difference {
        var sketch = self
        var pairs: [Pair] = []
        var pending = Array(sketch.cells.indices)
        while let index = pending.popLast() {
            let cell = sketch.cells[index]
            let hash = Self.hash(cell.ids, cell.digests)
            guard cell.count == 1 || cell.count == -1, cell.checks == Self.check(hash) else { continue }
            pairs.append(Pair(id: IssueID(Int64(bitPattern: cell.ids)), digest: cell.digests, sign: cell.count))
            for part in 0..<Self.parts {
                let other = Self.cell(hash, part: part)
                sketch.cells[other].remove(cell)
                pending.append(other)
            }
        }
        return Difference(pairs: pairs, residualCells: sketch.cells.count { !$0.isEmpty })
    }

    /// Through a buffer pointer: the array's uniqueness and bounds checks on each of a cell's four
    /// updates in each part were most of the cost of a delivery. Every index `cell` gives is in range.
    private mutating func apply(_ entry: Entry, sign: Int64) {
        cells.withUnsafeMutableBufferPointer { cells in
            for part in 0..<Self.parts {
                let index = Self.cell(entry.hash, part: part)
                cells[index].count &+= sign
                cells[index].ids ^= entry.id
                cells[index].digests ^= entry.digest
                cells[index].checks ^= entry.check
            }
        }
    }

    /// The hash of a pair: its cells (`cell(_:part:)`) and its check (`check(_:)`) come from it.
    static func hash(_ id: UInt64, _ digest: UInt64) -> UInt64 {
        SeededRandom.mix(id, digest)
    }

    /// The index of a pair's cell in `part`: a field of `partBits` bits of the pair's `hash`.
    private static func cell(_ hash: UInt64, part: Int) -> Int {
        part * cellsPerPart + (Int(truncatingIfNeeded: hash >> UInt64(part * partBits)) & (cellsPerPart - 1))
    }

    /// What tells a cell holding one pair from one holding several: the pair's hash, finished
    /// again, so that it shares no bits with the cell indices. One finaliser, not a `mix` (two):
    /// the bijection is all it needs, and the sink works this out for every delivery.
    static func check(_ hash: UInt64) -> UInt64 {
        SplitMix64.finalize(hash)
    }
}

extension ResultSketch.Cell {
    /// Takes `pair`'s share out of this cell, `pair` being a cell that holds exactly that one pair.
    mutating func remove(_ pair: ResultSketch.Cell) {
        count &-= pair.count
        ids ^= pair.ids
        digests ^= pair.digests
        checks ^= pair.checks
    }
}
