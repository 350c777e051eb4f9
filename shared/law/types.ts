// Shared types of the Dutch collection-law rules (shared/law).

/** An amount of money in whole euro cents (integer, never a float amount of euros). */
export type Cents = number;

/** A calendar date as 'yyyy-MM-dd' (no time, no time zone). */
export type IsoDate = string;

/** The two statutory interest regimes. */
export type InterestKind =
  /** Wettelijke handelsrente, art. 6:119a BW (handelsovereenkomst, B2B). */
  | 'commercial'
  /** Wettelijke rente, art. 6:119 BW (consumer and other non-commercial claims). */
  | 'consumer';

/** One row of a rate table: the rate in force from `from` until the next row's `from`. */
export type RatePeriod = {
  from: IsoDate;
  /** Yearly percentage, e.g. 12.25 for 12.25 %. */
  percent: number;
  /** Where the value comes from (publication, web page, or "eigen invoer"). */
  source: string;
  /** false when derived from a formula or taken from a single unconfirmed source. */
  verified: boolean;
};

export type Payment = { date: IsoDate; amount: Cents };

export type InterestPeriod = {
  from: IsoDate;
  to: IsoDate;
  days: number;
  percent: number;
  /** Principal plus capitalised interest (cents) on which this period's interest is computed. */
  base: Cents;
  /** This period's interest, rounded half-up to the cent. */
  interest: Cents;
};
