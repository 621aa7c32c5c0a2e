/// The label an analysis picks for an issue.
public enum Label: UInt8, CaseIterable, Sendable, Codable {
    case bug, feature, documentation, question, performance, security, triage

    public var name: String { "\(self)" }
}

/// What an engine delivers for one issue: a pure function of the issue and its comments.
public struct IssueResult: Sendable, Equatable {
    public var id: IssueID
    public var label: Label
    public var score: Int32
    /// A hash of every token the analysis read, so a result computed from the wrong or a partial
    /// text does not match.
    public var fingerprint: UInt64

    public init(id: IssueID, label: Label, score: Int32, fingerprint: UInt64) {
        self.id = id
        self.label = label
        self.score = score
        self.fingerprint = fingerprint
    }
}

/// The one analysis every engine runs and the harness re-runs to verify: tokenise, score each
/// label by keyword weights, pick the best. Its cost is real CPU work proportional to the text.
///
/// It runs once per issue in the engine and once more in the verifier, so it is written for
/// speed: about 1 ns per byte where a byte-at-a-time tokeniser (FNV-1a per token) took 4. Such a
/// tokeniser mispredicts a branch at every token boundary and runs a multiply per byte; this one
/// reads the text 8 bytes at a time, classifies them into a bit mask of token bytes with
/// carry-free arithmetic (SWAR: no branch per byte), folds the same words into the fingerprint,
/// and walks the tokens with trailing-zero counts, looking each up by its first 8 bytes and its
/// length. The keyword table is read through pointers taken once per call and the scores sit in
/// a `SIMD8`: no allocation, no retain, no bounds check per byte.
public enum Analysis {
    /// Analyses an issue. `comments` must be exactly the comments the work plan says to read
    /// (empty when comments are not read).
    public static func analyze(_ issue: Issue, comments: [Comment]) -> IssueResult {
        table.withProbe { probe in
            var state = State(seed: UInt64(truncatingIfNeeded: issue.id), probe: probe)
            state.scan(issue.title)
            state.scan(issue.body)
            for comment in comments { state.scan(comment.body) }
            return state.result(id: issue.id)
        }
    }

    /// The comment a `comment` write posts: derived from the result so that the API can check it.
    public static func commentBody(for result: IssueResult) -> [UInt8] {
        Array("issuebench: labelled \(result.label.name), score \(result.score)".utf8)
    }

    // MARK: - Keywords

    /// Keyword → (label, weight). The simulated corpus draws from a vocabulary that contains these.
    static let keywords: [(String, Label, Int32)] = [
        ("crash", .bug, 5), ("error", .bug, 3), ("broken", .bug, 4), ("regression", .bug, 4),
        ("exception", .bug, 3), ("fails", .bug, 3), ("panic", .bug, 4),
        ("feature", .feature, 4), ("support", .feature, 2), ("add", .feature, 1), ("proposal", .feature, 3),
        ("enhancement", .feature, 4),
        ("docs", .documentation, 4), ("readme", .documentation, 3), ("typo", .documentation, 3),
        ("example", .documentation, 2),
        ("how", .question, 2), ("why", .question, 2), ("question", .question, 4), ("help", .question, 2),
        ("slow", .performance, 4), ("latency", .performance, 3), ("memory", .performance, 3),
        ("throughput", .performance, 4), ("leak", .performance, 3),
        ("security", .security, 5), ("vulnerability", .security, 5), ("token", .security, 2),
        ("injection", .security, 4),
    ]

    /// The keyword table, built once per process.
    static let table = KeywordTable(keywords)

    // MARK: - Scanning

    /// What the analysis has seen so far of one issue.
    struct State {
        let probe: KeywordTable.Probe
        /// Two fingerprint lanes (even and odd words), so that folding a word waits for the
        /// one two words back, not the one before.
        var even: UInt64
        var odd: UInt64
        /// One score per label except `.triage`, which is what no keyword at all gives; lanes
        /// past the last label stay 0.
        var scores = SIMD8<Int32>()

        init(seed: UInt64, probe: KeywordTable.Probe) {
            self.probe = probe
            even = seed &* 0x9E37_79B9_7F4A_7C15
            odd = ~even
        }

        /// Folds every byte of `text` and its length into the fingerprint, and adds the weight of
        /// each keyword among its tokens (runs of ASCII letters and digits, compared lower-cased).
        mutating func scan(_ text: [UInt8]) {
            text.withUnsafeBufferPointer { buffer in
                guard let bytes = buffer.baseAddress else { return }
                Analysis.scan(bytes, count: buffer.count, probe: probe, even: &even, odd: &odd, scores: &scores)
            }
            even = Analysis.mix(even ^ UInt64(text.count))
        }

        func result(id: IssueID) -> IssueResult {
            var best = 0
            var total: Int32 = 0
            for i in 0..<Label.allCases.count - 1 {
                if scores[i] > scores[best] { best = i }
                total &+= scores[i]
            }
            // No keyword at all: the issue needs a human.
            let label = scores[best] == 0 ? Label.triage : Label(rawValue: UInt8(best))!
            let fingerprint = Analysis.mix(Analysis.mix(even ^ 0xD6E8_FEB8_6659_FD93) ^ odd)
            return IssueResult(id: id, label: label, score: total, fingerprint: fingerprint)
        }
    }

    /// The `count` bytes at `bytes`, 64 at a time (the last, short block copied into a zeroed
    /// one): each block's words folded into the fingerprint and classified into a token mask,
    /// then its tokens found by trailing-zero counts, a token that runs on past a block carried
    /// over. Everything the loop touches is a local, so that it stays in registers.
    @inline(__always)
    static func scan(_ bytes: UnsafePointer<UInt8>, count: Int, probe: KeywordTable.Probe,
                     even: inout UInt64, odd: inout UInt64, scores: inout SIMD8<Int32>) {
        var (a, b, found) = (even, odd, scores)
        @inline(__always) func token(from start: Int, to end: Int) {
            if let hit = probe.lookup(bytes, from: start, to: end, count: count) {
                found[Int(truncatingIfNeeded: hit &>> 32)] &+= Int32(truncatingIfNeeded: hit)
            }
        }
        var carried = -1  // where a token that runs on from the previous block started
        var previous: UInt64 = 0  // 1 when the byte before the block is a token byte
        var base = 0
        while base < count {
            let mask = count &- base >= 64 ? block(UnsafeRawPointer(bytes + base), &a, &b)
                : lastBlock(bytes + base, count: count &- base, &a, &b)
            // Bit i of `follows`: byte i − 1 is a token byte. Tokens start where a token byte
            // follows none, and end (exclusive) where none follows one; they alternate.
            let follows = mask &<< 1 | previous
            var starts = mask & ~follows
            var ends = ~mask & follows
            previous = mask &>> 63
            if carried >= 0 {
                if ends == 0 {
                    base &+= 64
                    continue
                }
                token(from: carried, to: base &+ ends.trailingZeroBitCount)
                ends &= ends &- 1
                carried = -1
            }
            while starts != 0 {
                let start = base &+ starts.trailingZeroBitCount
                starts &= starts &- 1
                if ends == 0 {
                    carried = start
                    break
                }
                token(from: start, to: base &+ ends.trailingZeroBitCount)
                ends &= ends &- 1
            }
            base &+= 64
        }
        if carried >= 0 { token(from: carried, to: count) }
        (even, odd, scores) = (a, b, found)
    }

    /// Folds the 64 bytes at `bytes` into the fingerprint lanes and returns their token mask: bit
    /// i set when byte i is an ASCII letter or digit.
    @inline(__always)
    static func block(_ bytes: UnsafeRawPointer, _ even: inout UInt64, _ odd: inout UInt64) -> UInt64 {
        var mask: UInt64 = 0
        for k in stride(from: 0, to: 8, by: 2) {
            let first = load(bytes + 8 &* k), second = load(bytes + (8 &* k &+ 8))
            even = mix(even ^ first)
            odd = mix(odd ^ second)
            mask |= tokenBits(first) &<< UInt64(8 &* k) | tokenBits(second) &<< UInt64(8 &* k &+ 8)
        }
        return mask
    }

    /// `block` for the last `count` (< 64) bytes of a text, as if zeros followed them, folding
    /// only the words that hold text. Out of line, so that the hot loop does not pay for it in
    /// registers.
    @inline(never)
    static func lastBlock(_ bytes: UnsafePointer<UInt8>, count: Int, _ even: inout UInt64, _ odd: inout UInt64) -> UInt64 {
        var mask: UInt64 = 0
        var at = 0
        while at < count {
            let word = at + 8 <= count ? load(UnsafeRawPointer(bytes + at)) : tail(bytes, at: at, count: count)
            if at & 8 == 0 { even = mix(even ^ word) } else { odd = mix(odd ^ word) }
            mask |= tokenBits(word) &<< UInt64(at)
            at += 8
        }
        return mask
    }

    /// One fingerprint step: a multiply by an odd constant (a bijection that spreads low bits
    /// up) and a rotation (that brings high bits down for the next step).
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        let m = x &* 0xff51_afd7_ed55_8ccd
        return m &<< 23 | m &>> 41
    }

    /// The 8 bits of a token mask for the 8 bytes of `x` (byte i little-endian, bit i).
    ///
    /// With the high bit of each byte cleared (y), adding `0x80 − lo` to a byte sets its high bit
    /// exactly when it is ≥ lo, and never carries into the next byte; a byte is in lo...hi when
    /// that holds for lo and not for hi + 1. Letters are tested after OR-ing 0x20 (ASCII upper to
    /// lower case), digits as they are; bytes ≥ 0x80 are never token bytes. The high bits are
    /// then gathered into one byte by a multiply.
    @inline(__always)
    static func tokenBits(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let y = x & ~high
        let c = y | 0x2020_2020_2020_2020
        let letter = (c &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(c &+ 0x0505_0505_0505_0505)  // 0x61...0x7A
        let digit = (y &+ 0x5050_5050_5050_5050) & ~(y &+ 0x4646_4646_4646_4646)   // 0x30...0x39
        let token = (letter | digit) & ~x & high
        return ((token &>> 7) &* 0x0102_0408_1020_4080) &>> 56
    }

    /// Up to 8 bytes of the token `text[start..<end]` from `at`, lower-cased, zeros after the
    /// token's end (`end` ≤ `count`, the text's length).
    @inline(__always)
    static func chunk(_ text: UnsafePointer<UInt8>, at: Int, end: Int, count: Int) -> UInt64 {
        let chunk = at &+ 8 <= count ? load(UnsafeRawPointer(text + at)) : tail(text, at: at, count: count)
        // Without a branch: most tokens are shorter than 8 bytes, but not predictably so.
        let drop = 64 &- 8 &* min(end &- at, 8)
        return (chunk | 0x2020_2020_2020_2020) & ~0 &>> UInt64(truncatingIfNeeded: drop)
    }

    /// 8 bytes at `bytes`, byte 0 lowest.
    @inline(__always)
    static func load(_ bytes: UnsafeRawPointer) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
    }

    /// The bytes from `at` to the end of a text of `count` bytes, fewer than 8, as `load` would
    /// give them with zeros after: the text's last 8 bytes shifted down, when it has 8. Out of
    /// line, so that the hot loop does not pay for it in registers.
    @inline(never)
    static func tail(_ text: UnsafePointer<UInt8>, at: Int, count: Int) -> UInt64 {
        if count >= 8 { return load(UnsafeRawPointer(text + (count - 8))) >> UInt64(8 * (at + 8 - count)) }
        var chunk: UInt64 = 0
        for i in 0..<(count - at) { chunk |= UInt64(text[at + i]) << UInt64(8 * i) }
        return chunk
    }
}

extension Analysis {
    /// The keywords in 256 slots, each alone in the slot that a multiply-shift hash of its first
    /// 8 bytes and its length picks (the multiplier is searched for when the table is built): a
    /// token that is no keyword, nearly every token, costs one load and one compare.
    struct KeywordTable: Sendable {
        static let size = 256
        /// Longest keyword: a lookup compares at most two 8-byte chunks.
        static let longest = 16
        /// The slot's keyword's first 8 bytes as `Analysis.chunk` reads them; 0 for an empty slot,
        /// which no token matches (a token is at least one non-zero byte).
        private var firsts = [UInt64](repeating: 0, count: size)
        /// Its bytes 8..<16 the same way (0 for a keyword of at most 8 bytes).
        private var seconds = [UInt64](repeating: 0, count: size)
        /// `length << 40 | label << 32 | weight`.
        private var entries = [UInt64](repeating: 0, count: size)
        private var multiplier: UInt64 = 0

        init(_ keywords: [(String, Label, Int32)]) {
            let parsed = keywords.map { word, label, weight in
                let bytes = Array(word.utf8)
                precondition((1...Self.longest).contains(bytes.count)
                              && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) },
                              "keyword '\(word)': 1...\(Self.longest) lower-case ASCII letters and digits")
                return bytes.withUnsafeBufferPointer { text in
                    let start = text.baseAddress!
                    return (first: Analysis.chunk(start, at: 0, end: text.count, count: text.count),
                            second: text.count > 8 ? Analysis.chunk(start, at: 8, end: text.count, count: text.count) : 0,
                            length: text.count,
                            entry: UInt64(text.count) << 40 | UInt64(label.rawValue) << 32 | UInt64(UInt32(bitPattern: weight)))
                }
            }
            // Odd multipliers from a fixed sequence; with 29 keywords in 256 slots about one in
            // five places every keyword alone.
            let candidates = (UInt64(1)...10_000).lazy.map { $0 &* 0x9E37_79B9_7F4A_7C15 | 1 }
            guard let multiplier = candidates.first(where: { multiplier in
                Set(parsed.map { Self.slot($0.first, length: $0.length, multiplier: multiplier) }).count == parsed.count
            }) else { preconditionFailure("no collision-free keyword table for \(keywords.count) keywords") }
            self.multiplier = multiplier
            for keyword in parsed {
                let slot = Self.slot(keyword.first, length: keyword.length, multiplier: multiplier)
                firsts[slot] = keyword.first
                seconds[slot] = keyword.second
                entries[slot] = keyword.entry
            }
        }

        @inline(__always)
        static func slot(_ first: UInt64, length: Int, multiplier: UInt64) -> Int {
            Int(truncatingIfNeeded: ((first ^ UInt64(truncatingIfNeeded: length)) &* multiplier) &>> 56)
        }

        /// Runs `body` with pointers into the table, valid for the call.
        func withProbe<R>(_ body: (Probe) -> R) -> R {
            firsts.withUnsafeBufferPointer { firsts in
                seconds.withUnsafeBufferPointer { seconds in
                    entries.withUnsafeBufferPointer { entries in
                        body(Probe(firsts: firsts.baseAddress!, seconds: seconds.baseAddress!,
                                   entries: entries.baseAddress!, multiplier: multiplier))
                    }
                }
            }
        }

        /// The table seen through pointers: no retain or bounds check per lookup.
        struct Probe {
            let firsts: UnsafePointer<UInt64>
            let seconds: UnsafePointer<UInt64>
            let entries: UnsafePointer<UInt64>
            let multiplier: UInt64

            /// `label << 32 | weight` when the token `text[start..<end]` is a keyword, else `nil`
            /// (`end` ≤ `count`, the text's length).
            @inline(__always)
            func lookup(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int, count: Int) -> UInt64? {
                let length = end &- start
                let first = Analysis.chunk(text, at: start, end: end, count: count)
                let slot = KeywordTable.slot(first, length: length, multiplier: multiplier)
                guard firsts[slot] == first else { return nil }
                return confirm(slot, text, from: start, to: end, count: count)
            }

            /// The rest of a lookup whose first 8 bytes matched: the length, then bytes 8..<16.
            private func confirm(_ slot: Int, _ text: UnsafePointer<UInt8>, from start: Int, to end: Int,
                                 count: Int) -> UInt64? {
                let entry = entries[slot]
                let length = end &- start
                guard Int(truncatingIfNeeded: entry &>> 40) == length else { return nil }
                if length > 8, seconds[slot] != Analysis.chunk(text, at: start &+ 8, end: end, count: count) { return nil }
                return entry & 0xFF_FFFF_FFFF
            }
        }
    }
}
