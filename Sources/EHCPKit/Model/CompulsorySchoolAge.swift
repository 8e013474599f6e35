/// When a child stops being of compulsory school age, and so becomes a "young person" for the
/// Children and Families Act 2014 (s83(2): a person over compulsory school age but under 25).
///
/// Education Act 1996 s8(3)–(4) with the Education (School Leaving Date) Order 1997: a person ceases
/// to be of compulsory school age at the end of the school leaving date — the last Friday in June —
/// of the school year (1 September to 31 August) in which they turn 16. A child born in July or
/// August is therefore over compulsory school age at 15; one born in September is still a child
/// at 16 until the following June.
public enum CompulsorySchoolAge {
    /// The last day of compulsory school age for someone born on `dateOfBirth`: the last Friday in
    /// June of the school year in which they turn 16.
    public static func lastDay(dateOfBirth: CalendarDate) -> CalendarDate {
        // The school year holding the 16th birthday ends in the June of this calendar year.
        let year = dateOfBirth.year + 16 + (dateOfBirth.month >= 9 ? 1 : 0)
        return lastFridayOfJune(year)
    }

    /// True when, on `date`, someone born on `dateOfBirth` is over compulsory school age.
    public static func isOver(dateOfBirth: CalendarDate, on date: CalendarDate) -> Bool {
        lastDay(dateOfBirth: dateOfBirth) < date
    }

    /// 26 June 2026 was a Friday.
    private static let knownFriday = CalendarDate(year: 2026, month: 6, day: 26)!

    /// The last Friday of June in `year`.
    static func lastFridayOfJune(_ year: Int) -> CalendarDate {
        let june30 = CalendarDate(year: year, month: 6, day: 30)!
        let daysAfterFriday = ((june30.dayNumber - knownFriday.dayNumber) % 7 + 7) % 7
        return june30.adding(days: -daysAfterFriday)
    }
}
