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

    /// `lead` bytes of padding, every clause's bytes, then every topic word's followed by a space,
    /// back to back, then 64 bytes of padding so that a 64-byte copy from any piece stays inside
    /// the table.
    /// Frozen (see `FrozenBuffer`): read by every core for every issue.
    private let bytes: FrozenBuffer<UInt8>
    /// References into `bytes`, `offset << 12 | length << 2 | startsLower << 1 | endsSentence`:
    /// `clauseCount` clauses, then the topic words. `startsLower` (the first byte is a lower-case
    /// letter) lets `Writer.put` capitalise a piece without looking at it. 32 bits rather than 64:
    /// a random pick reads one, and a 32 KB table leaves more of L2 to the clauses' bytes (with
    /// the branch-free topic words of `write`, 265,000 L2 misses instead of 290,000 in an
    /// `unlimited-fast` trial of 20,000 issues, callgrind's cache simulation with a 512 KB L2).
    private let refs: FrozenBuffer<UInt32>
    /// Each topic's words in `refs`, by `Label.rawValue`; `0 ..< 0` for `.triage`, so that
    /// `write` may read `refs[topic.lowerBound]` (and ignore it) for every topic.
    private let topics: FrozenBuffer<Range<Int>>

    /// The English clauses, from `Vocabulary.english`.
    static let english = ClausePool(vocabulary: .english, seed: 0xC1A0_5E5E_ED00_0001)

    init(vocabulary: Vocabulary, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var bytes = [UInt8](repeating: 0, count: Self.lead)
        var refs: [UInt32] = []
        func add(_ piece: some Collection<UInt8>, endsSentence: Bool) {
            let startsLower = piece.first.map((UInt8(ascii: "a")...UInt8(ascii: "z")).contains) ?? false
            precondition(bytes.count < 1 << 20, "clause pool beyond the 20 bits of a reference's offset")
            refs.append(UInt32(bytes.count) << 12 | UInt32(piece.count) << 2 | (startsLower ? 2 : 0) | (endsSentence ? 1 : 0))
            bytes.append(contentsOf: piece)
        }
        // A clause is at most 9 words, a stack frame and an ending: far below 512 bytes (and the
        // 10 bits of a reference's length).
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
            topics.append(words.isEmpty ? 0..<0 : start..<refs.count)
        }
        self.bytes = FrozenBuffer(bytes + repeatElement(0, count: 64))
        self.refs = FrozenBuffer(refs)
        self.topics = FrozenBuffer(topics)
    }

    /// Padding before the first piece, for `Writer.wordBoundary`'s 8-byte loads.
    private static let lead = 8

    /// Bytes past the end of a text that `write` may overwrite: what lets it copy any piece of up
    /// to 64 bytes with four 16-byte moves (see `Writer.copy`).
    static let overhang = 64

    /// Writes whole clauses about `topic` (an index into `Vocabulary.topics`) at `target`,
    /// capitalising each that starts a sentence, then as much of the next one as fits in
    /// `capacity` bytes up to a word boundary; returns the bytes written, which
    /// `TextWriter.fill(after:using:)` then pads to the exact length. The `overhang` bytes after
    /// `capacity` must be writable: what is written there is garbage.
    ///
    /// Written for the branch predictor: the picks are random, and a branch on them mispredicts.
    /// No branch here depends on a random bit, only on whether a piece fits and on a piece's
    /// length beyond 64 bytes: 1.8 mispredictions an issue instead of 8.1, for 535 instructions
    /// instead of 476 (callgrind --branch-sim, `unlimited-fast`, 200-byte bodies), where a
    /// misprediction costs some 15 cycles and 3 instructions take one.
    func write(into target: UnsafeMutablePointer<UInt8>, capacity: Int, topic: Int,
               using random: inout SeededRandom) -> Int {
        let topicWords = topics[topic]
        let topicRefs = refs.base + topicWords.lowerBound, topicCount = topicWords.count
        // 1 when a pick's bit 0 may make it topical: the topic has words.
        let topicBit = topicWords.isEmpty ? 0 : 1
        let refs = refs.base
        var writer = Writer(source: bytes.base, target: target, capacity: capacity)
        /// Puts the pick in the low 20 bits of `bits`: topical or not (bit 0), the clause
        /// (1...13), the topic word (14...19).
        @inline(__always) func put(_ bits: UInt64) -> Bool {
            let pick = Int(truncatingIfNeeded: bits & 0xF_FFFF)
            // Parenthesised: `&>>` binds tighter than `&*`, and without them this shifted the
            // count to 0 and picked the topic's first word every time.
            let word = topicRefs[((pick >> 14) &* topicCount) &>> 6]
            return writer.put(topicWord: word, if: UInt32(truncatingIfNeeded: pick & topicBit))
                && writer.put(refs[(pick >> 1) & (Self.clauseCount - 1)])
        }
        // Three picks a draw, written out: counting picks down across draws mispredicted some
        // 1.3 times an issue (callgrind --branch-sim), and the compiler does not unroll a loop
        // of three this long.
        while true {
            let bits = random.next()
            guard put(bits), put(bits >> 20), put(bits >> 40) else { return writer.count }
        }
    }

    /// Copies pieces (clauses, topic words) from the pool into an issue's text.
    private struct Writer {
        let source: UnsafePointer<UInt8>
        let target: UnsafeMutablePointer<UInt8>
        /// Where the next piece goes.
        var cursor: UnsafeMutablePointer<UInt8>
        /// `target + capacity`.
        let end: UnsafeMutablePointer<UInt8>
        /// 1 when the next piece starts a sentence, else 0: the `endsSentence` bit of the one before.
        var capitalize: UInt32 = 1

        init(source: UnsafePointer<UInt8>, target: UnsafeMutablePointer<UInt8>, capacity: Int) {
            self.source = source
            self.target = target
            cursor = target
            end = target + capacity
        }

        /// Bytes written so far.
        var count: Int { cursor - target }

        /// Appends topic word `ref` if `topical` is 1, and nothing if it is 0, without a branch on
        /// it: a random bit, on which a branch mispredicted half the time, some 3 times an issue
        /// (callgrind --branch-sim). Two 16-byte moves copy a topic word and its space (at most 17
        /// bytes), whatever `topical`. When it does not fit, `put` takes it as any piece.
        @inline(__always)
        mutating func put(topicWord ref: UInt32, if topical: UInt32) -> Bool {
            let length = Int(truncatingIfNeeded: ref >> 2 & 0x3FF & (0 &- topical))
            guard length <= end - cursor else { return put(ref) }
            let from = UnsafeRawPointer(source + Int(truncatingIfNeeded: ref >> 12))
            Self.move16(from: from, to: cursor, at: 0)
            Self.move16(from: from, to: cursor, at: 16)
            cursor[0] &-= UInt8(truncatingIfNeeded: (ref >> 1 & capitalize & topical) << 5)
            cursor += length
            capitalize &= topical ^ 1  // a topic word never ends a sentence
            return true
        }

        /// Appends the piece `ref`, capitalised if it starts a sentence. When it does not fit,
        /// appends what fits of it up to the last space and returns false.
        @inline(__always)
        mutating func put(_ ref: UInt32) -> Bool {
            let piece = source + Int(truncatingIfNeeded: ref >> 12)
            var length = Int(truncatingIfNeeded: ref >> 2) & 0x3FF
            let whole = length <= end - cursor
            if !whole { length = Self.wordBoundary(in: piece, upTo: end - cursor) }
            copy(piece, length)
            // Without a branch: ASCII upper case is 32 below lower case. When nothing fitted,
            // this changes the byte after the text, which `TextWriter.fill` writes over.
            cursor[0] &-= UInt8(truncatingIfNeeded: (ref >> 1 & capitalize) << 5)
            cursor += length
            capitalize = ref & 1
            return whole
        }

        /// The length of the longest part of `piece` up to `room` bytes that is followed by a
        /// space or a line break (0 if none is): where a text that `piece` overflows ends. Once
        /// an issue, so out of line, which keeps the writer in registers; 8 bytes at a time, from
        /// the last: a byte loop mispredicted its exit some 1.2 times an issue (callgrind
        /// --branch-sim). The first word may read up to 7 bytes before the piece (the pool starts
        /// with `lead` bytes of padding), which are never taken.
        @inline(never)
        private static func wordBoundary(in piece: UnsafePointer<UInt8>, upTo room: Int) -> Int {
            var last = room  // the candidates left: 1 ... last
            while last > 0 {
                // Bytes last - 7 ... last, the last in the high byte (x86-64 is little-endian).
                let word = UnsafeRawPointer(piece + last - 7).loadUnaligned(as: UInt64.self)
                let breaks = zeroBytes(word ^ 0x2020_2020_2020_2020) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                if breaks != 0 { return max(last - breaks.leadingZeroBitCount / 8, 0) }
                last -= 8
            }
            return 0
        }

        /// 0x80 in each byte of `x` that is 0, and 0 in the others (exact, unlike the shorter
        /// test that may flag a byte above a zero one).
        @inline(__always)
        private static func zeroBytes(_ x: UInt64) -> UInt64 {
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            return ~(((x & low7) &+ low7) | x | low7)
        }

        /// Copies `length` bytes of `piece` to the cursor. A piece is some 45 bytes: four 16-byte
        /// moves copy up to 64 whatever the length — the bytes after it are overwritten by what
        /// comes next, or land in the `overhang` — which costs no branch on the length (a loop
        /// would mispredict its exit once a piece) nor a `memcpy` call. Longer pieces (a stack
        /// frame) go on 16 bytes at a time, into at most 15 bytes of overhang. The pool is padded
        /// so that the loads stay inside it.
        @inline(__always)
        private func copy(_ piece: UnsafePointer<UInt8>, _ length: Int) {
            let from = UnsafeRawPointer(piece)
            Self.move16(from: from, to: cursor, at: 0)
            Self.move16(from: from, to: cursor, at: 16)
            Self.move16(from: from, to: cursor, at: 32)
            Self.move16(from: from, to: cursor, at: 48)
            var offset = 64
            while offset < length {
                Self.move16(from: from, to: cursor, at: offset)
                offset &+= 16
            }
        }

        /// One unaligned 16-byte move, `offset` bytes into `from` and `to`.
        @inline(__always)
        private static func move16(from: UnsafeRawPointer, to: UnsafeMutablePointer<UInt8>, at offset: Int) {
            UnsafeMutableRawPointer(to).storeBytes(
                of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self),
                toByteOffset: offset, as: SIMD16<UInt8>.self)
        }
    }
}
