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
    /// References into `bytes`, `offset << 16 | length << 1 | endsSentence`: `clauseCount`
    /// clauses, then the topic words.
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
            refs.append(UInt64(bytes.count) << 16 | UInt64(piece.count) << 1 | (endsSentence ? 1 : 0))
            bytes.append(contentsOf: piece)
        }
        // A clause is at most 9 words, a stack frame and an ending: far below 512 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { scratch in
            for _ in 0..<Self.clauseCount {
                var writer = TextWriter(into: scratch, vocabulary: vocabulary, topic: 0..<0)
                guard let endsSentence = writer.clause(using: &random) else {
                    preconditionFailure("a clause did not fit in \(scratch.count) bytes")
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

    /// Writes whole clauses about `topic` (an index into `Vocabulary.topics`) into `out`,
    /// capitalising each that starts a sentence, then as much of the next one as fits up to a word
    /// boundary; returns the bytes written, which `TextWriter.fill(after:using:)` then pads to
    /// the exact length.
    func write(into out: UnsafeMutableBufferPointer<UInt8>, topic: Int, using random: inout SeededRandom) -> Int {
        guard let target = out.baseAddress else { return 0 }
        let topicWords = topics[topic]
        let refs = refs.base
        var writer = Writer(source: bytes.base, target: target, capacity: out.count)
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
                let word = refs[topicWords.lowerBound + (pick >> 14) &* topicWords.count &>> 6]
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
        /// Whether the next piece starts a sentence.
        var capitalize = true

        /// Appends the piece `ref`, capitalised if it starts a sentence. When it does not fit,
        /// appends what fits of it up to the last space and returns false.
        @inline(__always)
        mutating func put(_ ref: UInt64) -> Bool {
            let piece = source + Int(truncatingIfNeeded: ref >> 16)
            var length = Int(truncatingIfNeeded: ref >> 1) & 0x7FFF
            let room = capacity - count
            let whole = length <= room
            if !whole {
                // Up to a space: the byte after the part kept is one.
                length = room
                while length > 0 && piece[length] != UInt8(ascii: " ") && piece[length] != UInt8(ascii: "\n") {
                    length -= 1
                }
            }
            copy(piece, length, room: room)
            if capitalize, length > 0, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(target[count]) {
                target[count] -= 0x20  // ASCII upper case is 32 below lower case
            }
            count += length
            capitalize = ref & 1 != 0
            return whole
        }

        /// Copies `length` bytes to the end of the text, which has `room` bytes left. A piece is
        /// some 45 bytes: where 64 fit, four 16-byte moves copy it whatever its length (the bytes
        /// after it are overwritten by what comes next), which costs no branch on the length — a
        /// loop would mispredict its exit once a piece — nor a `memcpy` call.
        @inline(__always)
        private func copy(_ piece: UnsafePointer<UInt8>, _ length: Int, room: Int) {
            let from = UnsafeRawPointer(piece), to = UnsafeMutableRawPointer(target + count)
            @inline(__always) func move16(_ offset: Int) {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self),
                              toByteOffset: offset, as: SIMD16<UInt8>.self)
            }
            if length <= 64 && room >= 64 {
                move16(0)
                move16(16)
                move16(32)
                move16(48)
            } else if (length + 15) & ~15 <= room {
                for offset in stride(from: 0, to: length, by: 16) { move16(offset) }
            } else {
                to.copyMemory(from: from, byteCount: length)
            }
        }
    }
}
