import ThuTucDialogue

extension LoopWorker {
    /// Completes a turn that needs its session from Redis, without ever
    /// blocking the loop: the session is read over this loop's pipelined
    /// connection, the turn runs when it arrives, the session is written
    /// back, and only when Redis has taken it does the connection send the
    /// reply and go on, so that the next turn finds it wherever it lands.
    ///
    /// Every completion runs on this loop's thread. When Redis is down, too
    /// slow or holds something unreadable, the turn runs on a new session (a
    /// follow-up is then answered as a new question), within the store's
    /// timeout at worst.
    func converse(_ turn: SessionTurn, for connection: Connection) {
        guard let sessions else {
            // Only the Redis store makes conversation turns; without it, answer as if it were down.
            var session = Session()
            connection.resume(with: connection.complete(turn, in: &session), now: MonotonicClock.seconds())
            schedule(connection)
            return
        }
        let answer: (Session?) -> Void = { [unowned self] stored in
            guard !connection.closed else { return }
            var session = stored ?? Session()
            let reply = connection.complete(turn, in: &session)
            sessions.link.send(sessions.store.writeCommand(turn.session, session), now: MonotonicClock.seconds()) { [unowned self] result in
                sessions.store.wrote(result)
                guard !connection.closed else { return }
                connection.resume(with: reply, now: MonotonicClock.seconds())
                schedule(connection)
            }
        }
        guard turn.readsSession else {
            answer(nil)
            return
        }
        sessions.link.send(sessions.store.readCommand(turn.session), now: MonotonicClock.seconds()) { result in
            answer(sessions.store.session(from: result))
        }
    }
}
