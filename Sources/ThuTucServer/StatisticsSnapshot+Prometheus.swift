extension StatisticsSnapshot {
    /// The Prometheus text exposition format (version 0.0.4): counters end
    /// in `_total`, times are in seconds, and each family has its HELP and TYPE.
    public var prometheusText: String {
        var text = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples { text += name + sample.labels + " " + sample.value + "\n" }
        }
        func number(_ value: Int) -> String { String(value) }
        func seconds(_ value: Double?) -> String { value.map { String($0) } ?? "NaN" }
        family("thutuc_build_info", "gauge", "The running program's version.", [("{version=\"\(Self.escaped(version))\"}", "1")])
        family("thutuc_uptime_seconds", "gauge", "Seconds since the server started.", [("", seconds(uptimeSeconds))])
        family(
            "thutuc_knowledge_info", "gauge", "The knowledge served: the latest month its procedures were retrieved.",
            [("{retrieved=\"\(Self.escaped(knowledge.retrieved ?? ""))\"}", "1")]
        )
        family("thutuc_knowledge_procedures", "gauge", "Procedures in the knowledge served.", [("", number(knowledge.procedures))])
        family("thutuc_knowledge_overlays", "gauge", "Procedures with a curated overlay.", [("", number(knowledge.overlays))])
        family("thutuc_connections", "gauge", "Connections open now.", [("", number(connectionsCurrent))])
        family("thutuc_connections_accepted_total", "counter", "Connections accepted since start.", [("", number(connectionsTotal))])
        family(
            "thutuc_connections_refused_total", "counter", "Connections refused with 503 because maxConnections were open.",
            [("", number(connectionsRefused))]
        )
        if let sessions {
            family("thutuc_sessions", "gauge", "Conversations held in memory.", [("", number(sessions))])
        }
        family("thutuc_requests_total", "counter", "Requests by outcome.", [
            ("{outcome=\"answered\"}", number(answered)), ("{outcome=\"clarify\"}", number(clarify)),
            ("{outcome=\"fallback\"}", number(fallback)), ("{outcome=\"command\"}", number(commands)),
            ("{outcome=\"error\"}", number(errorCount)),
        ])
        family(
            "thutuc_request_errors_total", "counter", "Rejected requests by error code.",
            RequestErrorKind.allCases.map { ("{kind=\"\($0.rawValue)\"}", number(errors[$0] ?? 0)) }
        )
        family("thutuc_answer_duration_seconds", "summary", "Time to answer a question; quantiles over the last minute.", [
            ("{quantile=\"0.5\"}", seconds(lastMinuteP50)), ("{quantile=\"0.99\"}", seconds(lastMinuteP99)),
        ])
        text += "thutuc_answer_duration_seconds_sum \(seconds(questionSeconds))\n"
        text += "thutuc_answer_duration_seconds_count \(number(questions))\n"
        family("thutuc_reloads_total", "counter", "Knowledge reloads by result.", [
            ("{result=\"ok\"}", number(reloadsAccepted)), ("{result=\"rejected\"}", number(reloadsRejected)),
        ])
        if let store = sessionStore {
            family(
                "thutuc_session_store_up", "gauge", "1 when every event loop's connection to the Redis session store is up, else 0.",
                [("", store.state == .up ? "1" : "0")]
            )
            family("thutuc_session_store_connections", "gauge", "The event loops' connections to Redis.", [("", number(store.connections))])
            family("thutuc_session_store_connections_up", "gauge", "Connections to Redis that are up.", [("", number(store.connectionsUp))])
            let counters: [(name: String, help: String, value: Int)] = [
                ("reads", "Sessions read from Redis.", store.reads),
                ("hits", "Sessions read from Redis and found.", store.hits),
                ("writes", "Sessions written to Redis or deleted.", store.writes),
                ("failed_writes", "Writes Redis refused or never answered.", store.failedWrites),
                ("fallbacks", "Turns answered without their stored session.", store.fallbacks),
                ("unreadable", "Stored values that were not sessions.", store.unreadable),
                ("faults", "Connections to Redis lost, refused, timed out or rejected.", store.faults),
                ("timeouts", "Faults that were Redis not answering in time.", store.timeouts),
            ]
            for counter in counters {
                family("thutuc_session_store_\(counter.name)_total", "counter", counter.help, [("", number(counter.value))])
            }
        }
        return text
    }

    /// A label value with backslash, double quote and newline escaped.
    static func escaped(_ value: String) -> String {
        value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
    }
}
