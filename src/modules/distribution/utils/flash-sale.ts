import { FlashSaleStatus } from "../constants"
import { addDays, localDate, wallClockToIso } from "./wall-clock"

/**
 * A flash sale's (秒杀) calendar: from `starts_on` to `ends_on` (dates of its
 * time zone, both included), every day's `slots`, each [start, end) as
 * "HH:MM" wall-clock times ("24:00" ends at midnight). Pure functions.
 */
export type FlashSlot = { start: string; end: string }
export type SlotOccurrence = { starts_at: Date; ends_at: Date }
export type FlashCalendar = { starts_on: string; ends_on: string; time_zone: string; slots: FlashSlot[]; status: string }

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** Why a day's slots are not usable (format, empty, end not after start, overlap), or null. */
export function slotsRefusal(slots: FlashSlot[]): string | null {
  for (const s of slots) {
    if (!HHMM.test(s.start) || !HHMM.test(s.end) || s.start === "24:00") {
      return `Each slot's start and end must be times "HH:MM" (00:00 to 24:00), got ${s.start}–${s.end}`
    }
    if (minutes(s.end) <= minutes(s.start)) {
      return `The slot ${s.start}–${s.end} ends before it starts`
    }
  }
  const sorted = [...slots].sort((a, b) => minutes(a.start) - minutes(b.start))
  for (let i = 1; i < sorted.length; i++) {
    if (minutes(sorted[i].start) < minutes(sorted[i - 1].end)) {
      return `The slots ${sorted[i - 1].start}–${sorted[i - 1].end} and ${sorted[i].start}–${sorted[i].end} overlap`
    }
  }
  return null
}

/** The instant of a wall-clock time of `date` in `tz` ("24:00" is the next day's midnight). */
function instantOf(date: string, hhmm: string, tz: string): Date {
  if (hhmm === "24:00") {
    return new Date(wallClockToIso(`${addDays(date, 1)}T00:00`, tz)!)
  }
  return new Date(wallClockToIso(`${date}T${hhmm}`, tz)!)
}

/** The instants a flash sale's dates cover: the midnight its first day starts to the midnight after its last, in its zone. */
export function flashSaleWindow(sale: { starts_on: string; ends_on: string; time_zone: string }): { starts_at: Date; ends_at: Date } {
  return { starts_at: instantOf(sale.starts_on, "00:00", sale.time_zone), ends_at: instantOf(sale.ends_on, "24:00", sale.time_zone) }
}

/** The slots of one date, in order. */
function occurrencesOn(sale: FlashCalendar, date: string): SlotOccurrence[] {
  return [...sale.slots]
    .sort((a, b) => minutes(a.start) - minutes(b.start))
    .map((s) => ({ starts_at: instantOf(date, s.start, sale.time_zone), ends_at: instantOf(date, s.end, sale.time_zone) }))
}

/**
 * The slot running at `now` and the next one to start after it (null when
 * none: before/after the dates, or the sale closed). Looks a day back (its
 * dates are local) and at most 400 days ahead.
 */
export function slotsAround(sale: FlashCalendar, now: Date): { current: SlotOccurrence | null; next: SlotOccurrence | null } {
  if (sale.status === FlashSaleStatus.CLOSED) {
    return { current: null, next: null }
  }
  let current: SlotOccurrence | null = null
  const today = localDate(now, sale.time_zone)
  let date = addDays(today, -1) < sale.starts_on ? sale.starts_on : addDays(today, -1)
  for (let i = 0; i < 400 && date <= sale.ends_on; i++, date = addDays(date, 1)) {
    for (const o of occurrencesOn(sale, date)) {
      if (o.starts_at <= now && now < o.ends_at) {
        current = o
      } else if (o.starts_at > now) {
        return { current, next: o }
      }
    }
  }
  return { current, next: null }
}

/** Where a flash sale is at `now`: live (in a slot), upcoming (a slot is to come), ended, or closed. */
export function flashSalePhase(sale: FlashCalendar, now: Date): "live" | "upcoming" | "ended" | "closed" {
  if (sale.status === FlashSaleStatus.CLOSED) {
    return "closed"
  }
  const { current, next } = slotsAround(sale, now)
  return current ? "live" : next ? "upcoming" : "ended"
}
