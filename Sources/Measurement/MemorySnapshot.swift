/// The two memory figures a trial records: resident memory now and its peak, in bytes.
public struct MemorySnapshot: Codable, Sendable, Equatable {
    /// `VmRSS`.
    public var rssBytes: Int
    /// `VmHWM`: the peak since the process started or since `ProcStatus.resetPeakRSS()`.
    public var peakBytes: Int

    public init(rssBytes: Int, peakBytes: Int) {
        self.rssBytes = rssBytes
        self.peakBytes = peakBytes
    }

    public init(_ status: ProcStatus) {
        self.init(rssBytes: status.rssBytes, peakBytes: status.peakRSSBytes)
    }

    /// This process's figures now, from `/proc/self/status`.
    public static func current() throws(MeasurementError) -> MemorySnapshot {
        MemorySnapshot(try ProcStatus.readSelf())
    }
}
