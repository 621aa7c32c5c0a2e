import Contract
import Synchronization

/// Phase2's adaptive concurrency: every answer feeds the AIMD controller — a success may add a
/// permit to the limiter, a 429/403/5xx halves them — and requests go to the primary at once.
final class AIMDGovernor: RequestGovernor {
    let limiter: AsyncLimiter
    private let controller: Mutex<AIMDController>

    init(controller: AIMDController) {
        limiter = AsyncLimiter(limit: controller.limit)
        self.controller = Mutex(controller)
    }

    func prepare(clock: any HarnessClock) -> SendTicket {
        SendTicket(endpoint: 0, epoch: controller.withLock { $0.epoch })
    }

    func observe(_ response: APIResponse, ticket: SendTicket, clock: any HarnessClock) {
        controller.withLock { controller in
            let changed: Bool
            if response.isSuccess {
                changed = controller.recordGrowthSignal()
            } else if response.isRateLimited || response.status >= 500 {
                changed = controller.recordCongestion(epoch: ticket.epoch)
            } else {
                changed = false
            }
            // Under the controller's lock, so that two changes reach the limiter in their order.
            if changed { limiter.setLimit(controller.limit) }
        }
    }
}
