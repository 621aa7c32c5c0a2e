#if canImport(Glibc)
import Glibc
#endif
import Harness

// A thin executable: every command lives in the Harness library, where it can be tested.
exit(await IssueBenchCLI.main(Array(CommandLine.arguments.dropFirst())))
