#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Measurement

@Suite struct ProcStatusTests {
    /// The head of `/proc/self/status` of `cat` on the development machine (Linux 6.18, x86_64).
    static let realStatus = """
        Name:\tcat
        Umask:\t0022
        State:\tR (running)
        Tgid:\t10843
        Ngid:\t0
        Pid:\t10843
        PPid:\t10841
        TracerPid:\t0
        Uid:\t0\t0\t0\t0
        Gid:\t0\t0\t0\t0
        FDSize:\t256
        Groups:\t
        NStgid:\t10843
        NSpid:\t10843
        NSpgid:\t10841
        NSsid:\t2531
        Kthread:\t0
        VmPeak:\t    3060 kB
        VmSize:\t    3060 kB
        VmLck:\t       0 kB
        VmPin:\t       0 kB
        VmHWM:\t    1632 kB
        VmRSS:\t    1592 kB
        RssAnon:\t     116 kB
        RssFile:\t    1516 kB
        RssShmem:\t       0 kB
        VmData:\t     360 kB
        VmStk:\t     132 kB
        VmExe:\t      20 kB
        VmLib:\t    1528 kB
        Threads:\t1

        """

    @Test func parsesMemoryFiguresInBytesFromRealStatusText() throws {
        let status = try ProcStatus(parsing: Self.realStatus, path: "/proc/self/status")
        #expect(status == ProcStatus(rssBytes: 1592 * 1024, peakRSSBytes: 1632 * 1024,
                                     virtualBytes: 3060 * 1024, peakVirtualBytes: 3060 * 1024))
    }

    @Test func malformedValueThrowsWithPathLineAndText() {
        let text = Self.realStatus.replacing("VmRSS:\t    1592 kB", with: "VmRSS:\t    lots kB")
        #expect(throws: MeasurementError.malformedLine(path: "/proc/42/status", lineNumber: 23,
                                                       line: "VmRSS:\t    lots kB", expected: "'VmRSS: <number> kB'")) {
            try ProcStatus(parsing: text, path: "/proc/42/status")
        }
        let error = MeasurementError.malformedLine(path: "/proc/42/status", lineNumber: 23,
                                                   line: "VmRSS:\t    lots kB", expected: "'VmRSS: <number> kB'")
        #expect(error.description == "/proc/42/status:23: expected 'VmRSS: <number> kB', found 'VmRSS:\t    lots kB'")
    }

    @Test func valueWithoutUnitIsMalformed() {
        let text = Self.realStatus.replacing("VmHWM:\t    1632 kB", with: "VmHWM:\t    1632")
        #expect(throws: MeasurementError.malformedLine(path: "status", lineNumber: 22, line: "VmHWM:\t    1632",
                                                       expected: "'VmHWM: <number> kB'")) {
            try ProcStatus(parsing: text, path: "status")
        }
    }

    @Test func kernelThreadStatusWithoutMemoryLinesThrowsMissingField() {
        let text = "Name:\tkthreadd\nState:\tS (sleeping)\nThreads:\t1\n"
        #expect(throws: MeasurementError.missingField(path: "/proc/2/status", field: "VmRSS")) {
            try ProcStatus(parsing: text, path: "/proc/2/status")
        }
        #expect(MeasurementError.missingField(path: "/proc/2/status", field: "VmRSS").description
                == "/proc/2/status: no 'VmRSS' line")
    }

    @Test func readsOwnStatus() throws {
        let status = try ProcStatus.readSelf()
        #expect(status.rssBytes > 0)
        #expect(status.peakRSSBytes >= status.rssBytes)
        #expect(status.peakVirtualBytes >= status.virtualBytes)
    }

    @Test func resettingPeakRSSForgetsAFreedAllocation() throws {
        let size = 50 << 20
        let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
        memset(block, 1, size) // touch every page
        let during = try MemorySnapshot.current()
        block.deallocate() // large blocks are unmapped on free, so RSS falls at once
        try ProcStatus.resetPeakRSS()
        let after = try MemorySnapshot.current()
        #expect(during.peakBytes >= during.rssBytes)
        #expect(during.rssBytes >= size)
        // Other tests run concurrently in this process; they allocate nowhere near 40 MB.
        #expect(after.peakBytes < during.peakBytes - (40 << 20))
    }

    @Test func failedOpenNamesThePathAndTheErrnoText() {
        #expect(throws: MeasurementError.system(call: "open", subject: "/proc/self/no-such-file", errno: ENOENT)) {
            try ProcFile.read("/proc/self/no-such-file")
        }
        #expect(MeasurementError.system(call: "open", subject: "/proc/self/clear_refs", errno: EACCES).description
                == "/proc/self/clear_refs: open failed: Permission denied")
    }
}
