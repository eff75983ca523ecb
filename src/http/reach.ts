// Whether a host is one that Composio, on the internet, can deliver to. Pure, and on the host as
// the WHATWG URL parser leaves it: it has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into
// 127.0.0.1, and [::ffff:127.0.0.1] into [::ffff:7f00:1], so every notation is read here as one.
// Names are not resolved: the runner's DNS is not Composio's (split horizon), a proxy may resolve
// for it, and an answer read now may change before the request (rebinding). A name that only
// resolves inside a network (localhost, .internal, .local, a single label) is refused by its form.

/** Why Composio cannot reach the host, or undefined when it is a public address or name. */
export type Unreachable = { loopback: boolean; why: string }

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/** [first address as a number, prefix length, why] */
const IPV4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'a "this network" address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address (the cloud metadata service lives there)'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'a reserved address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a reserved address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address']
]

const ipv4Number = (octets: number[]): number => octets.reduce((sum, octet) => sum * 256 + octet, 0)

function ipv4(address: string): Unreachable | undefined {
  const octets = IPV4.exec(address)?.slice(1).map(Number)
  if (!octets) return undefined
  const value = ipv4Number(octets)
  for (const [start, prefix, why] of IPV4_RANGES) {
    const size = 2 ** (32 - prefix)
    const first = ipv4Number(start.split('.').map(Number))
    if (value >= first && value < first + size) return { loopback: start === '127.0.0.0', why }
  }
  return undefined
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed, hex). */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('::')
  const part = (text: string): number[] =>
    text === '' ? [] : text.split(':').map(g => parseInt(g, 16))
  const [start, end] = [part(head), tail === undefined ? [] : part(tail)]
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end]
}

/** The IPv4 address carried in two 16-bit groups. */
const embeddedIpv4 = (hi = 0, lo = 0): Unreachable | undefined =>
  ipv4([hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'))

function ipv6(address: string): Unreachable | undefined {
  const g = ipv6Groups(address)
  const zeros = (n: number): boolean => g.slice(0, n).every(x => x === 0)
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d, SIIT), IPv4-compatible
  // (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach the IPv4 address they carry.
  const embedded =
    (zeros(5) && g[5] === 0xffff) ||
    (zeros(4) && g[4] === 0xffff && g[5] === 0) ||
    zeros(6) ||
    (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every(x => x === 0))
  if (embedded && !(zeros(7) && (g[7] ?? 0) <= 1)) return embeddedIpv4(g[6], g[7])
  // 6to4 (2002:a.b.c.d::/48) is carried over IPv4 to the address in groups 1 and 2 by a host
  // that has a 6to4 route; the local-use NAT64 prefix (64:ff9b:1::/48, RFC 8215) is translated
  // only inside a network, to any IPv4 address it chooses.
  if (g[0] === 0x2002) return embeddedIpv4(g[1], g[2])
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1)
    return { loopback: false, why: 'a local-use NAT64 address, translated inside a network' }
  if (zeros(7) && g[7] === 1) return { loopback: true, why: 'a loopback address' }
  if (zeros(8)) return { loopback: false, why: 'the unspecified address' }
  const first = g[0] ?? 0
  if ((first & 0xfe00) === 0xfc00) return { loopback: false, why: 'a unique-local address' }
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0)
    return { loopback: false, why: 'a link-local address' }
  if ((first & 0xff00) === 0xff00) return { loopback: false, why: 'a multicast address' }
  return undefined
}

/** Suffixes of names that resolve only inside a network (RFC 6761, 6762, 8375; ICANN's .internal and its collision list). */
const LOCAL_SUFFIXES = [
  '.local',
  '.localdomain',
  '.internal',
  '.home.arpa',
  '.invalid',
  '.lan',
  '.home',
  '.corp',
  '.intranet'
]

function name(host: string): Unreachable | undefined {
  const bare = host.replace(/\.$/, '').toLowerCase()
  if (bare === 'localhost' || bare.endsWith('.localhost'))
    return { loopback: true, why: 'a loopback name' }
  if (!bare.includes('.')) return { loopback: false, why: 'a name without a domain' }
  const suffix = LOCAL_SUFFIXES.find(end => `.${bare}`.endsWith(end))
  return suffix ? { loopback: false, why: `a name under ${suffix}, local to a network` } : undefined
}

/** `hostname` as URL gives it: `127.0.0.1`, `[::1]`, `hooks.example.com`. */
export function unreachable(hostname: string): Unreachable | undefined {
  if (hostname.startsWith('[')) return ipv6(hostname.slice(1, -1))
  return IPV4.test(hostname) ? ipv4(hostname) : name(hostname)
}
