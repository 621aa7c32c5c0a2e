#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Measurement

@Suite struct ChildProcessTests {
    func shell(_ script: String, stdin: [UInt8] = [], environment: [String: String] = [:],
               timeout: Double? = nil, addressSpaceLimit: Int? = nil) throws -> ChildProcessResult {
        try ChildProcess(executable: "/bin/sh", arguments: ["-c", script], standardInput: stdin,
                         environment: environment, timeoutSeconds: timeout,
                         addressSpaceLimitBytes: addressSpaceLimit).run()
    }

    @Test func reportsTheExitStatusAndBothStreams() throws {
        let result = try shell("printf out; printf err >&2; exit 3")
        #expect(result.termination == .exited(3))
        #expect(result.termination.description == "exited with status 3")
        #expect(String(decoding: result.stdout, as: UTF8.self) == "out")
        #expect(String(decoding: result.stderr, as: UTF8.self) == "err")
        #expect(!result.timedOut)
    }

    @Test func capturesAMegabyteOnEachStreamWithoutDeadlock() throws {
        // stderr is written while stdout is still being produced: a reader that drained stdout
        // first would leave the child blocked on a full stderr pipe.
        let result = try shell("yes err | head -c 1048576 >&2 & yes out | head -c 1048576; wait")
        #expect(result.termination == .exited(0))
        #expect(result.stdout.count == 1 << 20)
        #expect(result.stderr.count == 1 << 20)
        #expect(Array(result.stdout.prefix(8)) == Array("out\nout\n".utf8))
        #expect(Array(result.stderr.prefix(8)) == Array("err\nerr\n".utf8))
    }

    @Test func feedsStandardInputThenEndOfFile() throws {
        let input = Array(String(repeating: "more than a pipe's buffer\n", count: 20_000).utf8)
        let result = try ChildProcess(executable: "/bin/cat", standardInput: input).run()
        #expect(result.termination == .exited(0))
        #expect(result.stdout == input)
    }

    @Test func addsEnvironmentVariablesToTheInheritedOnes() throws {
        let result = try shell(#"printf '%s|%s' "$ISSUEBENCH_TEST" "${PATH:+inherited}""#,
                               environment: ["ISSUEBENCH_TEST": "a b=c"])
        #expect(String(decoding: result.stdout, as: UTF8.self) == "a b=c|inherited")
    }

    @Test func timeoutKillsTheChildAndItsChildren() throws {
        let result = try shell("sleep 5; echo late", timeout: 0.2)
        #expect(result.timedOut)
        #expect(result.termination == .signaled(SIGKILL))
        #expect(result.stdout.isEmpty)
    }

    @Test func aChildKilledByASignalReportsItsName() throws {
        let result = try shell("kill -SEGV $$")
        #expect(result.termination == .signaled(SIGSEGV))
        #expect(result.termination.description == "killed by SIGSEGV")
        #expect(ChildProcessResult.Termination.signalName(SIGKILL) == "SIGKILL")
        #expect(ChildProcessResult.Termination.signalName(40) == "signal 40")
    }

    @Test func addressSpaceLimitMakesABigAllocationFail() throws {
        // dd allocates its block size up front; 64 MiB cannot fit in 32 MiB of address space.
        let script = "dd if=/dev/zero of=/dev/null bs=64M count=1 2>&1"
        let limited = try shell(script, addressSpaceLimit: 32 << 20)
        #expect(limited.termination == .exited(1))
        #expect(String(decoding: limited.stdout, as: UTF8.self).contains("memory exhausted"))
        let unlimited = try shell(script)
        #expect(unlimited.termination == .exited(0))
    }

    @Test func missingExecutableThrowsWithThePathAndErrno() {
        let error = MeasurementError.system(call: "execve", subject: "/nonexistent/issuebench-child", errno: ENOENT)
        #expect(throws: error) { try ChildProcess(executable: "/nonexistent/issuebench-child").run() }
        #expect(error.description == "/nonexistent/issuebench-child: execve failed: No such file or directory")
    }

    @Test func parentObservesTheChildsCPUAndPeakMemory() throws {
        let result = try shell("head -c 20000000 /dev/zero | wc -c")
        #expect(result.termination == .exited(0))
        #expect(result.peakRSSBytes > 0)
        #expect(result.wallTime.nanoseconds > 0)
    }

    @Test func selfExecutablePathIsAnAbsolutePathToAFile() throws {
        let path = try ChildProcess.selfExecutablePath()
        #expect(path.hasPrefix("/"))
        #expect(access(path, X_OK) == 0)
    }
}
