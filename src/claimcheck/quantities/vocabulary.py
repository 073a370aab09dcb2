"""The newsroom's unit vocabulary, as data: the words reporters write for units and
currencies, the conventions that settle an ambiguous one ('tons', '$', 'points') with
the note each reading carries, spellings whose case matters, words that need a choice
(and the hint that asks for it), nouns counted rather than measured, and rate words.
``units`` resolves words through these tables before pint sees them."""

from __future__ import annotations

from .currencies import ISO_CODES

CURRENCIES = ISO_CODES

#: ambiguous word -> (allowed choices -> pint name), and claimcheck's default choice
CONVENTIONS: dict[str, dict[str, str]] = {
    "ton": {"tonne": "metric_ton", "metric_ton": "metric_ton", "short_ton": "short_ton",
            "long_ton": "long_ton"},
    "barrel": {"oil_barrel": "oil_barrel", "us_liquid_barrel": "barrel",
               "beer_barrel": "beer_barrel"},
    "dollar": {c: c for c in ("USD", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD", "ZWG")},
    "rupee": {c: c for c in ("INR", "PKR", "LKR", "NPR", "MUR", "SCR")},
    "mt": {"megatonne": "megatonne", "metric_ton": "metric_ton"},
    "points": {"percentage_points": "percentage_point", "index_points": "index_point"},
}
DEFAULT_CONVENTIONS = {"ton": "tonne", "barrel": "oil_barrel", "dollar": "USD", "rupee": "INR",
                       "points": "percentage_points"}
CONVENTION_NOTES = {
    ("ton", "tonne"): "'{w}' read as metric tonnes (claimcheck's default)",
    ("barrel", "oil_barrel"): "'{w}' read as 42-US-gallon oil barrels (claimcheck's default)",
    ("dollar", "USD"): "'{w}' read as US dollars (USD)",
    ("rupee", "INR"): "'{w}' read as Indian rupees (INR) (claimcheck's default; a file can "
                      "choose PKR, LKR, NPR, ... under `conventions: {{rupee: ...}}`)",
    ("points", "percentage_points"): "'{w}' read as percentage points (claimcheck's "
                                     "default; `conventions: {{points: index_points}}` for "
                                     "an index)",
}

CHOICE_WORDS = {"tonne": "metric tonnes", "metric_ton": "metric tonnes",
                 "short_ton": "short tons (2,000 lb)", "long_ton": "long tons (2,240 lb)",
                 "oil_barrel": "oil barrels (42 US gallons)",
                 "us_liquid_barrel": "US liquid barrels (31.5 US gallons)",
                 "beer_barrel": "beer barrels (31 US gallons)",
                 "megatonne": "million tonnes (megatonnes)",
                 "percentage_points": "percentage points", "index_points": "index points"}

SYMBOL_CURRENCIES = {"$": "dollar", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                     "₩": "KRW", "₹": "INR", "C$": "CAD", "A$": "AUD", "HK$": "HKD",
                     "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "₦": "NGN",
                     "₱": "PHP", "₺": "TRY", "₫": "VND", "₴": "UAH", "₪": "ILS", "₵": "GHS",
                     "AU$": "AUD", "SG$": "SGD", "CA$": "CAD", "MX$": "MXN"}

#: spellings whose case matters: 'Mt' is a megatonne, 'MT' could be either
CASED: dict[str, str] = {"Mt": "megatonne", "Gt": "gigametric_ton", "kt": "kilotonne",
                          "MT": "@mt", "MMT": "megatonne", "mmt": "megatonne",
                          "MTPA": "megatonne / year", "mtpa": "megatonne / year",
                          "Mtpa": "megatonne / year", "Mtoe": "megatoe", "ktoe": "kilotoe",
                          "Mcf": "thousand_cubic_feet", "MMcf": "million_cubic_feet",
                          "Bcf": "billion_cubic_feet", "Tcf": "trillion_cubic_feet",
                          "MMBtu": "MMBtu", "MBtu": "@ambiguous_mbtu",
                          # the US industry's M is a thousand, the IEA's mb/d a million
                          "Mb/d": "@ambiguous_mbd", "Mbbl": "@ambiguous_mbbl",
                          "MMb/d": "mega_oil_barrel/day", "MMbbl": "mega_oil_barrel",
                          "J": "joule", "kJ": "kilojoule", "MJ": "megajoule", "GJ": "gigajoule",
                          "TJ": "terajoule", "PJ": "petajoule", "EJ": "exajoule",
                          "W": "watt", "Wh": "watt_hour", "TW": "terawatt", "g": "gram",
                          "Rs": "@rupee", "GHC": "GHS", "NM": "nautical_mile",
                          "SFr": "CHF", "KSh": "KES", "Ksh": "KES",
                          # emissions: a mass of CO2 (or its equivalent), the gas in the unit
                          "tCO2": "metric_ton", "tCO2e": "metric_ton", "ktCO2": "kilotonne",
                          "MtCO2": "megatonne", "MtCO2e": "megatonne",
                          "GtCO2": "gigametric_ton", "GtCO2e": "gigametric_ton",
                          "Calorie": "kilocalorie", "PS": "metric_horsepower"}

#: lower-case singular word -> pint name, or "@convention" for an ambiguous word
WORDS: dict[str, str] = {
    "ton": "@ton", "tonne": "metric_ton", "t": "metric_ton", "metric ton": "metric_ton",
    "metric tonne": "metric_ton", "short ton": "short_ton", "long ton": "long_ton",
    "u.s. ton": "short_ton", "us ton": "short_ton", "kilotonne": "kilotonne",
    "megatonne": "megatonne", "gigatonne": "gigametric_ton", "dwt": "metric_ton",
    "barrel": "@barrel", "bbl": "@barrel", "oil barrel": "oil_barrel",
    "kilometer": "kilometer", "kilometre": "kilometer", "km": "kilometer",
    "m": "meter", "meter": "meter", "metre": "meter", "mile": "mile", "mi": "mile",
    "nautical mile": "nautical_mile", "nmi": "nautical_mile", "knot": "knot", "kn": "knot",
    "kilogram": "kilogram", "kg": "kilogram", "gram": "gram", "lb": "pound",
    "troy ounce": "troy_ounce", "ozt": "troy_ounce", "carat": "carat", "ct": "carat",
    "liter": "liter", "litre": "liter", "l": "liter", "gallon": "gallon",
    "h": "hour", "hr": "hour", "s": "second", "second": "second", "minute": "minute",
    "min": "minute", "hour": "hour", "day": "day", "d": "day",
    "week": "week", "month": "month", "year": "year", "yr": "year", "decade": "news_decade",
    "quarter": "news_quarter",
    "century": "century",
    "percent": "percent", "per cent": "percent", "%": "percent",
    "dollar": "@dollar", "us dollar": "USD", "u.s. dollar": "USD", "euro": "EUR",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "yen": "JPY", "rouble": "RUB", "ruble": "RUB", "rupee": "@rupee", "cedi": "GHS",
    "naira": "NGN", "rand": "ZAR", "lira": "TRY", "rupiah": "IDR", "ringgit": "MYR",
    "baht": "THB", "dong": "VND", "zloty": "PLN", "hryvnia": "UAH", "shekel": "ILS",
    "birr": "ETB", "taka": "BDT", "forint": "HUF", "koruna": "CZK", "reais": "BRL",
    "kwanza": "AOA",
    # symbols and abbreviations newsrooms use; pint's own symbols are never guessed at
    "mm": "millimeter", "cm": "centimeter", "millimetre": "millimeter", "centimetre": "centimeter",
    "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch", "yard": "yard",
    "lbs": "pound", "oz": "ounce", "ounce": "ounce", "ml": "milliliter", "hectare": "hectare",
    "ha": "hectare", "acre": "international_acre", "mph": "mile / hour",
    "kph": "kilometer / hour", "km/h": "kilometer / hour", "mpg": "mile / gallon",
    "square kilometre": "kilometer ** 2", "square kilometer": "kilometer ** 2",
    "sq km": "kilometer ** 2", "km2": "kilometer ** 2", "km²": "kilometer ** 2",
    "square mile": "mile ** 2", "square metre": "meter ** 2", "square meter": "meter ** 2",
    "m2": "meter ** 2", "m²": "meter ** 2",
    "cubic metre": "meter ** 3", "cubic meter": "meter ** 3", "m3": "meter ** 3",
    "m³": "meter ** 3", "cubic foot": "foot ** 3", "cubic feet": "foot ** 3",
    "ft³": "foot ** 3", "cu ft": "foot ** 3", "bcm": "bcm", "bcf": "billion_cubic_feet",
    "tcf": "trillion_cubic_feet", "mmcf": "million_cubic_feet",
    "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt_hour",
    "mwh": "megawatt_hour", "gwh": "gigawatt_hour", "twh": "terawatt_hour",
    "kilowatt hour": "kilowatt_hour", "megawatt hour": "megawatt_hour",
    "gigawatt hour": "gigawatt_hour", "terawatt hour": "terawatt_hour",
    "watt hour": "watt_hour", "hp": "horsepower", "kcal": "kilocalorie",
    "btu": "Btu_it", "mmbtu": "MMBtu", "quad": "quad_it", "therm": "therm_it",
    "tce": "tce", "tonne of coal equivalent": "tce", "cal": "calorie", "calorie": "calorie",
    "kilocalorie": "kilocalorie", "mg": "milligram", "milligram": "milligram",
    "mcg": "microgram", "µg": "microgram", "microgram": "microgram",
    "fl oz": "fluid_ounce", "floz": "fluid_ounce", "fluid ounce": "fluid_ounce",
    "gal": "gallon", "yd": "yard", "imperial gallon": "imperial_gallon",
    "uk gallon": "imperial_gallon", "metric horsepower": "metric_horsepower",
    "sq mi": "mile ** 2", "square foot": "foot ** 2", "square feet": "foot ** 2",
    "sq ft": "foot ** 2", "ccf": "hundred_cubic_feet", "furlong": "news_furlong",
    "fathom": "news_fathom", "stone": "stone",
    "toe": "toe", "tonne of oil equivalent": "toe", "boe": "boe",
    "barrel of oil equivalent": "boe",
    "bpd": "@barrel/day", "b/d": "@barrel/day", "kb/d": "kilo_oil_barrel/day",
    "kbd": "kilo_oil_barrel/day", "mbd": "mega_oil_barrel/day",
    "mb/d": "mega_oil_barrel/day", "bcf/d": "billion_cubic_feet/day",
    "mbpd": "mega_oil_barrel/day", "mmb/d": "mega_oil_barrel/day",
    "kbpd": "kilo_oil_barrel/day", "boe/d": "boe/day", "kboe/d": "kilo_boe/day",
    "mboe/d": "mega_boe/day", "boepd": "boe/day", "kboepd": "kilo_boe/day",
    "bcm/y": "bcm/year", "bcm/a": "bcm/year", "bcma": "bcm/year", "annum": "year",
    "troy oz": "troy_ounce", "ft3": "foot ** 3",
    "mmbbl": "mega_oil_barrel", "pc": "percent",
    "pp": "percentage_point", "percentage point": "percentage_point",
    "index point": "index_point", "point": "@points", "pts": "@points",
    "bp": "basis_point", "bps": "basis_point", "basis point": "basis_point",
}
AMBIGUOUS = {
    "pound": "'pound' is a weight and a currency: write 'lb' for weight or 'GBP' for money",
    "won": "'won' is the South or the North Korean currency: write 'KRW' or 'KPW'",
    "mt": "'mt' means megatonnes or metric tons: write 'Mt' (million tonnes) or 'tonnes'",
    "peso": "'peso' is the currency of several countries: write its code (MXN, PHP, ARS, ...)",
    "franc": "'franc' is the currency of several countries: write CHF, XOF, XAF, ...",
    "krone": "'krone' is Danish or Norwegian: write DKK or NOK",
    "krona": "'krona' is Swedish or Icelandic: write SEK or ISK",
    "shilling": "'shilling' is Kenyan, Ugandan, Tanzanian or Somali: write KES, UGX, TZS, SOS",
    "riyal": "'riyal' is Saudi, Qatari, Omani, Iranian or Yemeni: write SAR, QAR, OMR, ...",
    "dinar": "'dinar' is the currency of several countries: write its code (KWD, JOD, ...)",
    "dirham": "'dirham' is Emirati or Moroccan: write AED or MAD",
    "cwt": "'cwt' is the US hundredweight (100 lb) or the British one (112 lb): write 'lb'",
    "hundredweight": "a hundredweight is 100 lb in the US and 112 lb in Britain: write 'lb'",
    "pt": "'pt' is a point or a pint: write 'percentage points' (pp) or 'pints'",
    "ambiguous_mbtu": "'MBtu' means a thousand Btu in US industry but a million elsewhere: "
                      "write 'MMBtu' or 'thousand Btu'",
    "ambiguous_mbd": "'Mb/d' is a thousand barrels a day in US usage (EIA: M = thousand, "
                     "MM = million) but a million in the IEA's 'mb/d': write 'kb/d', "
                     "'MMb/d' or 'million b/d'",
    "ambiguous_mbbl": "'Mbbl' is a thousand barrels in US usage (EIA) but a million "
                      "elsewhere: write 'MMbbl', 'thousand barrels' or 'million barrels'",
}
UNIT_NOTES = {"ounce": "'{w}' read as the avoirdupois ounce (28.35 g); gold and silver are "
                        "priced by the troy ounce (31.10 g): write 'troy ounce'",
               "oz": "'{w}' read as the avoirdupois ounce (28.35 g); gold and silver are "
                     "priced by the troy ounce (31.10 g): write 'troy oz'",
               "pc": "'{w}' read as per cent", "bpd": "'{w}' read as oil barrels per day",
               "b/d": "'{w}' read as oil barrels per day",
               "dwt": "'{w}' (deadweight tonnage) read as metric tonnes",
               "GHC": "'{w}' read as Ghanaian cedis (GHS): the old code, still written for "
                      "the cedi",
               "boe": "'{w}' read as 5.8 million Btu (US EIA)",
               "barrel of oil equivalent": "'{w}' read as 5.8 million Btu (US EIA)"}

#: nouns for counted things: dimensionless, kept as a label ("370 voyages")
COUNT_NOUNS = frozenset({
    "voyage", "trip", "ship", "vessel", "shipload", "boat", "truck", "vehicle", "car", "flight",
    "person", "people", "individual", "resident", "worker", "interpreter", "official", "refugee",
    "time", "item", "case", "death", "household", "family", "company", "country", "river",
    "mine", "port", "container", "cargo", "load", "smuggler", "child", "children", "fold",
    "patient", "student", "job", "home", "house", "vote", "voter", "arrest", "attack",
    # the newsroom's other counted things
    "adult", "man", "men", "woman", "women", "male", "female", "boy", "girl", "baby", "babies",
    "birth", "pupil", "teacher", "school", "doctor", "nurse", "hospital", "bed", "clinic",
    "elector", "ballot", "seat", "candidate", "member", "constituency", "district",
    "murder", "homicide", "killing", "rape", "robbery", "burglary", "assault", "crime",
    "offence", "offense", "victim", "suspect", "prisoner", "inmate", "prison", "conviction",
    "suicide", "infection", "hospitalisation", "hospitalization", "admission", "dose",
    "vaccination", "test", "operation", "visit", "passenger", "tourist", "visitor", "migrant",
    "immigrant", "emigrant", "asylum", "applicant", "application", "soldier", "troop",
    "protester", "employee", "vacancy", "business", "firm", "farm", "property", "dwelling",
    "flat", "carrier", "tanker", "barge", "aircraft", "plane", "train", "bus", "shipment",
    "consignment", "cargoes", "incident", "accident", "fire", "strike", "raid", "bomb",
    "casualty", "casualties", "survivor", "citizen", "customer", "user", "subscriber",
    "account", "teu", "village", "town", "city", "province", "state", "region", "event", "game",
    "match", "day-trip", "staff", "officer", "police", "policeman", "judge",
    "lawyer", "graduate", "learner", "entrant", "respondent", "participant",
    "animal", "tree", "bird", "cow", "pig", "sheep", "chicken", "well", "rig", "plant",
    "factory", "store", "shop", "restaurant", "bank", "branch", "tablet", "pill", "shift",
    "position", "jail", "american", "fatality", "fatalities",
    # everyday nouns that pint defines as units of other trades: "1,200 bags of rice" is
    # a count, not 1,200 x 94 lb of cement; "shots", "links", "particles" too (a cup and a
    # grain stay units: recipes and bullets, as numbat and GNU units read them)
    "capita", "head",  # "$65,000 per capita", "per head", "a head"
    "bag", "sack", "shot", "link", "shake", "particle", "strain", "grade", "jute",
    "gamma", "lambda", "galileo", "franklin", "gilbert", "henry", "buckingham",
    "aberdeen", "townsend", "octave", "slug", "molar", "zeta", "thou", "fifth", "peck",
    "gill",
})
RATE_WORDS = {"annual": "year", "annually": "year", "yearly": "year", "daily": "day",
              "monthly": "month", "weekly": "week"}
