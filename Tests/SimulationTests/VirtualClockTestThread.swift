import Foundation
import Simulation

extension VirtualClock {
    /// Runs a trial as `run` does, but on a thread of its own, so the test does not block a thread
    /// of the global pool while the trial runs.
    ///
    /// For the faulty trials that start work outside the trial (detached tasks need a pool thread):
    /// with the test's own pool thread blocked, on a small machine no thread would be left for them.
    func runOnOwnThread<T: Sendable>(
        hostTimeout: Double? = nil, _ body: @escaping @Sendable () async throws -> T
    ) async -> Result<Result<T, any Error>, VirtualClockError> {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: Result { () throws(VirtualClockError) in
                    try self.run(hostTimeout: hostTimeout, body)
                })
            }.start()
        }
    }
}
