/// The clauses issue prose is made of, written once per process, so that an issue's prose costs
/// a few copies instead of a random draw and a table lookup per word.
///
/// Writing every issue word by word (`TextWriter.clause` per clause) cost about 3 µs per KB, and
/// the simulated API writes each issue at least twice (its listing page, then `GET /issues/N`),
/// with the verifier once more: the harness would have been what is measured. Here `TextWriter`
/// writes `clauseCount` clauses from a fixed seed, and an issue's prose picks among them with 20
/// bits of its own stream per clause, copying each with 16-byte moves; half of the clauses, as
/// before, carry one of the topic words, put in front of them. The text keeps the word
/// frequencies, punctuation and special tokens of the word-by-word text and stays a pure function
/// of (seed, issue id).
///
/// What it loses is that a clause recurs across issues (one pick in 8192), which makes text a
/// little more compressible. zlib level 6 on 100-issue pages: 0.42 of the size instead of 0.43
/// with 200-byte bodies, 0.36 instead of 0.39 with `github-rest-realistic`'s, 0.35 instead of 0.38
/// with `seed-phase-comparison`'s (19 KB on average). A larger pool repeats less (16384 clauses:
/// 0.36 there) but no longer stays in L2 with everything else a trial touches; this one is some
/// 370 KB.
struct ClausePool: Sendable {
    static let clauseCount = 8192

    /// Every clause's bytes, then every topic word's followed by a space, back to back, then 64
    /// bytes of padding so that a 64-byte copy from any piece stays inside the table.
    /// Frozen (see `FrozenBuffer`): read by every core for every issue.
    private let bytes: FrozenBuffer<UInt8>
    /// References into `bytes`, `offset << 16 | length << 2 | startsLower << 1 | endsSentence`:
    /// `clauseCount` clauses, then the topic words. `startsLower` (the first byte is a lower-case
    /// letter) lets `Writer.put` capitalise a piece without looking at it.
    private let refs: FrozenBuffer<UInt64>
    /// Each topic's words in `refs`, by `Label.rawValue`; empty for `.triage`.
    private let topics: FrozenBuffer<Range<Int>>

    /// The English clauses, from `Vocabulary.english`.
    static let english = ClausePool(vocabulary: .english, seed: 0xC1A0_5E5E_ED00_0001)

    init(vocabulary: Vocabulary, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var bytes: [UInt8] = []
        var refs: [UInt64] = []
        func add(_ piece: some Collection<UInt8>, endsSentence: Bool) {
            let startsLower = piece.first.map((UInt8(ascii: "a")...UInt8(ascii: "z")).contains) ?? false
            refs.append(UInt64(bytes.count) << 16 | UInt64(piece.count) << 2 | (startsLower ? 2 : 0) | (endsSentence ? 1 : 0))
            bytes.append(contentsOf: piece)
        }
        // A clause is at most 9 words, a stack frame and an ending: far below 512 bytes.
        let room = 512
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room + Vocabulary.longestWord) { scratch in
            for _ in 0..<Self.clauseCount {
                var writer = TextWriter(into: scratch.baseAddress!, capacity: room, vocabulary: vocabulary, topic: 0..<0)
                guard let endsSentence = writer.clause(using: &random) else {
                    preconditionFailure("a clause did not fit in \(room) bytes")
                }
                add(scratch[..<writer.count], endsSentence: endsSentence)
            }
        }
        var topics: [Range<Int>] = []
        for words in vocabulary.topics.buffer {
            let start = refs.count
            for ref in vocabulary.refs.buffer[words] {
                let word = UnsafeBufferPointer(rebasing: vocabulary.bytes.buffer[Int(ref >> 8)...].prefix(Int(ref & 0xFF)))
                add(Array(word) + [UInt8(ascii: " ")], endsSentence: false)
            }
            topics.append(start..<refs.count)
        }
        self.bytes = FrozenBuffer(bytes + repeatElement(0, count: 64))
        self.refs = FrozenBuffer(refs)
        self.topics = FrozenBuffer(topics)
    }

    /// Bytes past the end of a text that `write` may overwrite: what lets it copy any piece of up
    /// to 64 bytes with four 16-byte moves (see `Writer.copy`).
    static let overhang = 64

    /// Writes whole clauses about `topic` (an index into `Vocabulary.topics`) at `target`,
    /// capitalising each that starts a sentence, then as much of the next one as fits in
    /// `capacity` bytes up to a word boundary; returns the bytes written, which
    /// `TextWriter.fill(after:using:)` then pads to the exact length. The `overhang` bytes after
    /// `capacity` must be writable: what is written there is garbage.
    func write(into target: UnsafeMutablePointer<UInt8>, capacity: Int, topic: Int,
               using random: inout SeededRandom) -> Int {
        let topicWords = topics[topic]
        let refs = refs.base
        var writer = Writer(source: bytes.base, target: target, capacity: capacity)
        var bits: UInt64 = 0
        var picksLeft = 0
        while true {
            if picksLeft == 0 {
                bits = random.next()
                picksLeft = 3
            }
            // 20 bits: topical or not (bit 0), the clause (1...13), the topic word (14...19).
            let pick = Int(truncatingIfNeeded: bits & 0xF_FFFF)
            bits >>= 20
            picksLeft -= 1
            if pick & 1 != 0 && !topicWords.isEmpty {
                // Parenthesised: `&>>` binds tighter than `&*`, and without them this shifted the
                // count to 0 and picked the topic's first word every time.
                let word = refs[topicWords.lowerBound + (((pick >> 14) &* topicWords.count) &>> 6)]
                guard writer.put(word) else { break }
            }
            guard writer.put(refs[(pick >> 1) & (Self.clauseCount - 1)]) else { break }
        }
        return writer.count
    }

    /// Copies pieces (clauses, topic words) from the pool into an issue's text.
    private struct Writer {
        let source: UnsafePointer<UInt8>
        let target: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var count = 0
        /// 1 when the next piece starts a sentence, else 0: the `endsSentence` bit of the one before.
        var capitalize: UInt64 = 1

        /// Appends the piece `ref`, capitalised if it starts a sentence. When it does not fit,
        /// appends what fits of it up to the last space and returns false.
        @inline(__always)
        mutating func put(_ ref: UInt64) -> Bool {
            let piece = source + Int(truncatingIfNeeded: ref >> 16)
            var length = Int(truncatingIfNeeded: ref >> 2) & 0x3FFF
            let room = capacity &- count
            // 1 to capitalise: the piece starts a sentence, and with a lower-case letter.
            var upper = ref >> 1 & capitalize
            let whole = length <= room
            if !whole {
                // Up to a space: the byte after the part kept is one.
                length = room
                while length > 0 && piece[length] != UInt8(ascii: " ") && piece[length] != UInt8(ascii: "\n") {
                    length -= 1
                }
                if length == 0 { upper = 0 }
            }
            copy(piece, length)
            // Without a branch: ASCII upper case is 32 below lower case.
            target[count] &-= UInt8(truncatingIfNeeded: upper << 5)
            count &+= length
            capitalize = ref & 1
            return whole
        }

        /// Copies `length` bytes, at most the room left, to the end of the text. A piece is some
        /// 45 bytes: four 16-byte moves copy up to 64 whatever the length — the bytes after it are
        /// overwritten by what comes next, or land in the `overhang` — which costs no branch on the
        /// length (a loop would mispredict its exit once a piece) nor a `memcpy` call. Longer
        /// pieces (a stack frame) go on 16 bytes at a time, into at most 15 bytes of overhang.
        /// The pool is padded so that the loads stay inside it.
        @inline(__always)
        private func copy(_ piece: UnsafePointer<UInt8>, _ length: Int) {
            let from = UnsafeRawPointer(piece), to = UnsafeMutableRawPointer(target + count)
            @inline(__always) func move16(_ offset: Int) {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self),
                              toByteOffset: offset, as: SIMD16<UInt8>.self)
            }
            move16(0)
            move16(16)
            move16(32)
            move16(48)
            var offset = 64
            while offset < length {
                move16(offset)
                offset &+= 16
            }
        }
    }
}
