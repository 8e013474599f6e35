import ArgumentParser
import EHCPKit
import EHCPSource

extension EHCPCommand {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "Print the dates the SEND Regulations 2014 set for a request, with exceptions applied.",
            discussion: """
                The limits run from the day the authority receives the request: a decision on whether \
                to assess within 6 weeks (reg 5), advice within 6 weeks (reg 8), notice if no plan \
                within 16 weeks (reg 10), the final plan within 20 weeks (reg 13).

                An exception (--exception KIND:FROM..TO, repeatable) does not move a date: reg 5(4), \
                10(4) and 13(3) say the authority need not meet the limit if an exception makes it \
                impractical, and must then act as soon as practicable. ehcp marks each limit an \
                exception may excuse (only where that reason makes meeting it impractical) and also \
                shows the date counting the clock as paused, as many authorities do (that date is \
                practice, not law). Kinds:
                  closure              a school or college asked for advice was closed
                                       for 4 weeks or more; FROM is the first day
                                       closed, TO the day it reopened
                  early-years-closure  the same for an early years provider (reg 10(4))
                  circumstances        exceptional personal circumstances
                  absence              away from the area for 4 weeks or more
                Reg 13(3) excuses the 20-week limit, where meeting it is impractical, for any of \
                the reasons in reg 10(4). The exceptions \
                of reg 8(2) bind the people asked for advice and are not applied.

                Examples:
                  ehcp timeline --received 2026-10-05
                  ehcp timeline --received 2026-06-15 --exception closure:2026-07-22..2026-09-03
                """)

        @Option(help: "The date the authority received the request (YYYY-MM-DD).")
        var received: String

        @Option(help: "An exception period, KIND:FROM..TO (repeatable); KIND is closure, early-years-closure, circumstances or absence.")
        var exception: [String] = []

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        func validate() throws {
            guard CalendarDate(iso: received) != nil else {
                throw ValidationError("--received must be a date written YYYY-MM-DD, e.g. --received 2026-10-05")
            }
            for text in exception {
                do { _ = try ExceptionPeriod(parsing: text) } catch { throw ValidationError("--exception \(error)") }
            }
        }

        func run() throws {
            let exceptions = try exception.map { try ExceptionPeriod(parsing: $0) }
            let timeline = StatutoryTimeline(received: CalendarDate(iso: received)!, exceptions: exceptions)
            Terminal.write(format == .json ? JSONWriter.write(json(timeline)) : text(timeline))
        }

        private func text(_ timeline: StatutoryTimeline) -> String {
            var out = "Request received on \(timeline.received).\n\n"
            for deadline in timeline.deadlines {
                out += "\(deadline.date)  \(deadline.step) (\(deadline.regulation))\n"
                for lift in deadline.liftedBy {
                    out +=
                        "            need not be met only if impractical because of \(lift.exception.kind.summary), \(lift.exception.from)..\(lift.exception.to) (\(lift.paragraph))\n"
                }
                if let paused = deadline.pausedDate {
                    out += "            still due as soon as practicable; counting the clock as paused: \(paused)\n"
                }
            }
            if timeline.exceptions.isEmpty {
                out +=
                    "\nNo exception given. Under reg 5(4), 10(4) and 13(3) the authority need not meet a limit only where an exception makes it impractical to do so (see 'ehcp timeline --help').\n"
            } else if timeline.deadlines.allSatisfy({ $0.liftedBy.isEmpty }) {
                out += "\nNo exception falls before a deadline, so every limit stands.\n"
            }
            return out
        }

        private func json(_ timeline: StatutoryTimeline) -> OutputNode {
            .mapping([
                ("received", .string(timeline.received.description)),
                ("deadlines", .sequence(timeline.deadlines.map(\.node)))
            ])
        }
    }
}
