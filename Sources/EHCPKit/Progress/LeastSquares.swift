/// The straight line fitted to points by least squares.
public enum LeastSquares {
    /// The slope of the least-squares line through `points`; nil when fewer than two points have
    /// distinct `x` (one point, or every point on the same day), since no rate can then be fitted.
    public static func slope(_ points: [(x: Double, y: Double)]) -> Double? {
        guard points.count >= 2 else { return nil }
        let count = Double(points.count)
        let meanX = points.map(\.x).reduce(0, +) / count
        let meanY = points.map(\.y).reduce(0, +) / count
        var spreadX = 0.0
        var together = 0.0
        for point in points {
            spreadX += (point.x - meanX) * (point.x - meanX)
            together += (point.x - meanX) * (point.y - meanY)
        }
        guard spreadX > 1e-12 else { return nil }
        return together / spreadX
    }
}
