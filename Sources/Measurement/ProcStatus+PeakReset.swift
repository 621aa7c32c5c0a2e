extension ProcStatus {
    /// The file whose value "5" resets this process's `VmHWM` to its current `VmRSS`.
    public static let clearRefsPath = "/proc/self/clear_refs"

    /// Resets this process's peak RSS (`VmHWM`) to its current RSS, so that the next reading of
    /// `peakRSSBytes` is the peak of what ran in between: a trial resets it after set-up, just
    /// before the engine starts. Needs Linux 4.0 or later.
    public static func resetPeakRSS() throws(MeasurementError) {
        try ProcFile.write("5", to: clearRefsPath)
    }
}
