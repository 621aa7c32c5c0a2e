import Contract

/// Phase3's decisions around each attempt: wait for the rate-limit pacer's slot, route to an
/// endpoint whose breaker allows it, and afterwards feed the answer to the pacer, the breaker and,
/// on a secondary-limit rejection, the pool size.
struct IntegratedGovernor: RequestGovernor {
    let pacer: RateLimitPacer
    let router: EndpointRouter
    let stream: IssueStream

    func prepare(clock: any HarnessClock) -> SendTicket {
        // Admitted first: the endpoint is picked for now, and the pacer's slot is at most a window away.
        let slot = pacer.admit(clock: clock)
        return SendTicket(endpoint: router.route(clock: clock), epoch: stream.epoch, notBefore: slot)
    }

    func observe(_ response: APIResponse, ticket: SendTicket, clock: any HarnessClock) {
        pacer.observe(response.rate)
        router.record(response, from: ticket.endpoint, clock: clock)
        if response.isRateLimited, !response.isPrimaryExhausted { stream.congestion(epoch: ticket.epoch) }
    }
}
