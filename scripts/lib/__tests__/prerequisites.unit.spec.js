const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const {
  chromiumCandidates,
  ensurePrerequisites,
  findChromium,
  hasCjkFont,
  missingLine,
  pingRedis,
  startRedis,
} = require("../prerequisites")

let dir
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prerequisites-"))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** An executable file at `dir/name` running `script` with node. */
function executable(name, script = "") {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `#!${process.execPath}\n${script}\n`, { mode: 0o755 })
  return file
}

describe("finding Chromium", () => {
  it("finds nothing on a machine without it", () => {
    expect(findChromium({ PATH: dir }, [path.join(dir, "usr/bin/chromium")])).toBeNull()
  })

  it("takes the first executable of the usual places, then the names on PATH", () => {
    const bin = path.join(dir, "bin")
    fs.mkdirSync(bin)
    fs.writeFileSync(path.join(bin, "chromium"), "") // not executable: not a browser
    expect(findChromium({ PATH: bin }, [path.join(dir, "usr/bin/chromium")])).toBeNull()

    const chrome = executable("bin/google-chrome")
    expect(findChromium({ PATH: bin }, [path.join(dir, "usr/bin/chromium")])).toBe(chrome)

    const debian = executable("usr/bin/chromium")
    expect(findChromium({ PATH: bin }, [debian])).toBe(debian)
  })

  it("takes CHROMIUM_PATH alone when it is set, and nothing when it points nowhere", () => {
    const debian = executable("usr/bin/chromium")
    expect(findChromium({ CHROMIUM_PATH: path.join(dir, "nowhere"), PATH: "" }, [debian])).toBeNull()
    const mine = executable("opt/chrome")
    expect(findChromium({ CHROMIUM_PATH: mine, PATH: "" }, [debian])).toBe(mine)
  })

  it("looks only where DISTRIBUTION_CHROMIUM_CANDIDATES says when it is set", () => {
    const debian = executable("usr/bin/chromium")
    expect(chromiumCandidates({ DISTRIBUTION_CHROMIUM_CANDIDATES: "/a:/b", PATH: dir }, [debian])).toEqual(["/a", "/b"])
    expect(findChromium({ DISTRIBUTION_CHROMIUM_CANDIDATES: path.join(dir, "nowhere"), PATH: dir }, [debian])).toBeNull()
  })
})

describe("finding a CJK font", () => {
  it("finds none without fc-list", () => {
    expect(hasCjkFont({ PATH: dir })).toBe(false)
  })

  it("finds none when fontconfig knows no font", () => {
    const config = path.join(dir, "fonts.conf")
    fs.writeFileSync(config, `<?xml version="1.0"?>\n<fontconfig><dir>${dir}/fonts</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`)
    expect(hasCjkFont({ PATH: process.env.PATH, FONTCONFIG_FILE: config })).toBe(false)
  })
})

/** A TCP server answering each connection with `reply(received so far)` once it returns a string. */
async function fakeServer(reply) {
  const server = net.createServer((socket) => {
    let received = ""
    socket.on("data", (chunk) => {
      received += chunk
      const answer = reply(received)
      if (answer) socket.write(answer)
    })
    socket.on("error", () => {})
  })
  await new Promise((r) => server.listen(0, "127.0.0.1", r))
  return { url: (auth = "") => `redis://${auth}127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }
}

describe("finding a Redis", () => {
  it("knows a Redis by its answer to PING", async () => {
    const redis = await fakeServer((got) => (got.endsWith("$4\r\nPING\r\n") ? "+PONG\r\n" : null))
    const other = await fakeServer(() => "HTTP/1.1 400 Bad Request\r\n\r\n")
    try {
      expect(await pingRedis(redis.url())).toBe(true)
      expect(await pingRedis(other.url())).toBe(false)
    } finally {
      await redis.close()
      await other.close()
    }
  })

  it("authenticates with the URL's password, and takes a refusal as no Redis", async () => {
    const redis = await fakeServer((got) =>
      got.includes("PING") ? (got.includes("$4\r\nAUTH\r\n$6\r\nsecret\r\n") ? "+OK\r\n+PONG\r\n" : "-ERR invalid password\r\n-NOAUTH Authentication required.\r\n") : null
    )
    try {
      expect(await pingRedis(redis.url(":secret@"))).toBe(true)
      expect(await pingRedis(redis.url(":wrong@"))).toBe(false)
    } finally {
      await redis.close()
    }
  })

  it("finds none where nothing listens or nothing answers", async () => {
    const silent = await fakeServer(() => null)
    const { url: closedUrl, close } = await fakeServer(() => null)
    const closed = closedUrl()
    await close()
    try {
      expect(await pingRedis(closed)).toBe(false)
      expect(await pingRedis(silent.url(), 300)).toBe(false)
      expect(await pingRedis("not a url")).toBe(false)
    } finally {
      await silent.close()
    }
  })

  it("starts a redis-server on a free port without persistence and stops it", async () => {
    // A stand-in for redis-server that records its arguments and answers PING.
    const argsFile = path.join(dir, "args.json")
    const binary = executable(
      "redis-server",
      `require("fs").writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)))
       const port = Number(process.argv[process.argv.indexOf("--port") + 1])
       require("net").createServer((s) => s.on("data", () => s.write("+PONG\\r\\n"))).listen(port, "127.0.0.1")`
    )
    const { url, stop } = await startRedis(binary)
    expect(await pingRedis(url)).toBe(true)
    const args = JSON.parse(fs.readFileSync(argsFile, "utf8"))
    expect(args).toEqual(expect.arrayContaining(["--save", "", "--appendonly", "no", "--bind", "127.0.0.1"]))
    expect(url).toBe(`redis://127.0.0.1:${args[args.indexOf("--port") + 1]}`)
    await stop()
    expect(await pingRedis(url)).toBe(false)
  })

  it("says why a redis-server that exits at once did not start", async () => {
    const binary = executable("redis-server", "process.exit(3)")
    await expect(startRedis(binary)).rejects.toThrow(/exited with 3/)
  })
})

describe("making sure the machine has what the kinds require", () => {
  const options = (finders, extra = {}) => ({ env: {}, log: () => {}, finders, canInstall: false, install: () => true, ...extra })

  it("gives each requirement's findings to the suites", async () => {
    const r = await ensurePrerequisites(["chromium", "cjk-font"], options({
      chromium: async () => ({ env: { CHROMIUM_PATH: "/usr/bin/chromium" } }),
      "cjk-font": async () => ({ env: {} }),
    }))
    expect(r).toMatchObject({ ok: true, env: { chromium: { CHROMIUM_PATH: "/usr/bin/chromium" }, "cjk-font": {} } })
  })

  it("installs Debian's packages for everything missing at once, then looks again", async () => {
    let installed = []
    const r = await ensurePrerequisites(["chromium", "cjk-font"], options(
      {
        chromium: async () => (installed.includes("chromium") ? { env: { CHROMIUM_PATH: "/usr/bin/chromium" } } : null),
        "cjk-font": async () => (installed.includes("fonts-noto-cjk") ? { env: {} } : null),
      },
      { canInstall: true, install: (packages) => ((installed = packages), true) }
    ))
    expect(installed).toEqual(["chromium", "fonts-noto-cjk", "fontconfig"])
    expect(r).toMatchObject({ ok: true, env: { chromium: { CHROMIUM_PATH: "/usr/bin/chromium" } } })
  })

  it("stops with one line saying what to install when it cannot install", async () => {
    const missing = async () => null
    const r = await ensurePrerequisites(["chromium", "cjk-font"], options({ chromium: missing, "cjk-font": missing }))
    expect(r).toEqual({
      ok: false,
      line:
        "cannot run the tests: Chromium and a CJK font are missing. Install with `sudo apt-get install chromium fonts-noto-cjk fontconfig`, " +
        "or set CHROMIUM_PATH to a Chromium or Chrome binary (npm test does that itself when run as root)",
    })
  })

  it("says so when apt-get did not bring what was missing", async () => {
    const r = await ensurePrerequisites(["cjk-font"], options({ "cjk-font": async () => null }, { canInstall: true, install: () => false }))
    expect(r.line).toBe(
      "cannot run the tests: a CJK font is missing (apt-get install did not bring it). Install with `sudo apt-get install fonts-noto-cjk fontconfig` (npm test does that itself when run as root)"
    )
  })

  it("starts what must be started, gives its address to the suites and stops it at the end", async () => {
    const events = []
    const r = await ensurePrerequisites(["redis"], options({
      redis: async () => ({
        start: async () => (events.push("started"), { env: { REDIS_URL: "redis://127.0.0.1:40000" }, at: "redis://127.0.0.1:40000", stop: async () => events.push("stopped") }),
      }),
    }))
    expect(r).toMatchObject({ ok: true, env: { redis: { REDIS_URL: "redis://127.0.0.1:40000" } } })
    await r.stop()
    expect(events).toEqual(["started", "stopped"])
  })

  it("stops with one line when what had to be started would not start", async () => {
    const r = await ensurePrerequisites(["redis"], options({ redis: async () => ({ start: async () => Promise.reject(new Error("port taken")) }) }))
    expect(r).toEqual({ ok: false, line: "cannot run the tests: Redis could not be started: port taken" })
  })

  it("names Redis and its package when it is missing", () => {
    expect(missingLine(["redis"], { tried: false })).toBe(
      "cannot run the tests: Redis is missing. Install with `sudo apt-get install redis-server`, or set REDIS_URL to a running Redis (npm test does that itself when run as root)"
    )
  })
})
