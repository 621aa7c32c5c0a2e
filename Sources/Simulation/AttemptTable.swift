/// How often each request was made: one byte per (issue, per-issue kind) and per listing page.
///
/// A byte holds whether the request arrived before (bit 7: the next arrival is a retry) and how
/// many times it got through the limits (bits 0...6, saturating at 127). That count, not the
/// arrival count, keys the request's random stream, so the k-th attempt that reaches the server
/// sees the same latency and error whatever the engine and however many rejections came first.
/// Beyond 127 accepted attempts the stream repeats; with an error rate r that takes r¹²⁷ bad luck.
struct AttemptTable {
    private var bytes: [UInt8]

    init(slots: Int) {
        bytes = Array(repeating: 0, count: slots)
    }

    /// Marks an arrival; returns whether the same request arrived before.
    mutating func arrive(_ slot: Int) -> Bool {
        defer { bytes[slot] |= 0x80 }
        return bytes[slot] & 0x80 != 0
    }

    /// Marks an acceptance; returns how many were accepted before this one.
    mutating func accept(_ slot: Int) -> UInt64 {
        let accepted = bytes[slot] & 0x7F
        if accepted < 0x7F { bytes[slot] += 1 }
        return UInt64(accepted)
    }
}
