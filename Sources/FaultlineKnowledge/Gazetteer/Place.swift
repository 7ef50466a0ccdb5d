import Foundation

/// What kind of place a gazetteer entry is; feature type is part of how a name is disambiguated
/// (a country name usually means the country, not a town named after it).
public enum PlaceKind: String, Sendable, Codable, CaseIterable {
    case continent, country, admin1, city, region, water, border
}

/// A place in the gazetteer: a GeoNames country, first-level region or city of 15,000 people or
/// more, or a region or feature the team added because news names it (Donbas, the Suwałki gap).
public struct Place: Sendable, Hashable, Codable, Identifiable {
    /// The GeoNames id (`geonames:625144`) or the team's id (`feature:donbas`).
    public var id: String
    public var kind: PlaceKind
    public var name: String
    /// ISO 3166-1 alpha-2 code, "" for places in no one country (seas, continents).
    public var country: String
    /// The GeoNames first-level region code, `BY.04`; "" when not known or not applicable.
    public var admin1: String
    public var latitude: Double
    public var longitude: Double
    public var population: Int
    /// A national capital.
    public var isCapital: Bool

    public init(
        id: String, kind: PlaceKind, name: String, country: String, admin1: String = "", latitude: Double,
        longitude: Double, population: Int = 0, isCapital: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.country = country
        self.admin1 = admin1
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.isCapital = isCapital
    }

    /// Great-circle distance in kilometres.
    public func distance(to other: Place) -> Double {
        Self.kilometres(latitude, longitude, other.latitude, other.longitude)
    }

    static func kilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let p1 = lat1 * .pi / 180, p2 = lat2 * .pi / 180
        let dl = (lon2 - lon1) * .pi / 180
        let s1 = sin((p2 - p1) / 2), s2 = sin(dl / 2)
        let x = s1 * s1 + cos(p1) * cos(p2) * s2 * s2
        return 2 * 6371 * asin(min(1, x.squareRoot()))
    }
}
