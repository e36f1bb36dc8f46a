/**
 * The conn_uri agreement table: what Airflow makes of a URI, and what URI
 * Airflow writes for declared fields.
 *
 * How the expected values were obtained: a Python model that calls the real
 * CPython `urllib.parse` (3.11.7, whose urlsplit matches 3.12 for these
 * cases) and `json` with Airflow's `_parse_from_uri` / `get_uri` control flow
 * transcribed from apache/airflow (airflow-core models/connection.py, 3.1-era,
 * and the 2.x get_uri), cross-checked against the expectations quoted in
 * shared/reference/airflow.md §5 and reviewed case by case against §1-2.
 * The results are hard-coded: tests never run Python.
 */
import type {
  ConnectionFields,
  ConnectionInput,
  ConnectionFieldName,
  UriErrorCode,
  UriNoteCode
} from '../../src/core/airflow/index.js'

export interface ParseCase {
  name: string
  uri: string
  /** Where the rule or the expectation comes from. */
  source: string
  /** The fields Airflow 3 holds after the parse, or the error it raises. */
  expect: ConnectionFields | { error: UriErrorCode }
  /**
   * Fields that differ after get_uri → parse of the parsed fields (Airflow's
   * own parse → get_uri → parse check); absent when everything survives.
   */
  reparse?: Partial<ConnectionFields>
  /** The URI Airflow 3.1+ get_uri writes for the parsed fields. */
  regenerated?: string
  /** Exact note codes expected, when the case is about a note. */
  notes?: UriNoteCode[]
  /** Set when older Pythons behave differently; we follow 3.11.4+/3.12+. */
  pythonVersionDependent?: string
  /**
   * Issues checkRoundTrip reports when the parsed fields are declared
   * (none when absent).
   */
  roundTrip?: { 3: ConnectionFieldName[]; 2: ConnectionFieldName[] }
}

export interface BuildCase {
  name: string
  input: ConnectionInput
  /** Airflow 3.1+ (and Task SDK) get_uri. */
  uri: string
  /** Airflow 2.x / 3.0 get_uri, when it differs. */
  uriAirflow2?: string
  /**
   * The URI we store (buildConnUri without a version), when it differs
   * from get_uri's: `__extra__` where Airflow 3.1+ would decode a value.
   */
  stored?: string
  /** Fields that do not come back, per Airflow line (2: only where 2 ≠ 3). */
  roundTrip: { 3: ConnectionFieldName[]; 2: ConnectionFieldName[] }
}

export const PARSE_CASES: ParseCase[] = [
  {
    name: "airflow test: encoded host with '/'",
    uri: 'scheme://user:password@host%2Flocation:1234/schema',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host/location',
      schema: 'schema',
      login: 'user',
      password: 'password',
      port: 1234,
      extra: null
    },
    regenerated: 'scheme://user:password@host%2Flocation:1234/schema'
  },
  {
    name: 'airflow test: flat extras, %20 and empty value',
    uri: 'scheme://user:password@host%2Flocation:1234/schema?extra1=a%20value&extra2=',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host/location',
      schema: 'schema',
      login: 'user',
      password: 'password',
      port: 1234,
      extra: '{"extra1": "a value", "extra2": ""}'
    },
    regenerated:
      'scheme://user:password@host%2Flocation:1234/schema?extra1=a+value&extra2='
  },
  {
    name: 'airflow test: __extra__ nested JSON',
    uri: 'scheme://user:password@host%2Flocation:1234/schema?__extra__=%7B%22my_val%22%3A+%5B%22list%22%2C+%22of%22%2C+%22values%22%5D%2C+%22extra%22%3A+%7B%22nested%22%3A+%7B%22json%22%3A+%22val%22%7D%7D%7D',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host/location',
      schema: 'schema',
      login: 'user',
      password: 'password',
      port: 1234,
      extra:
        '{"my_val": ["list", "of", "values"], "extra": {"nested": {"json": "val"}}}'
    },
    regenerated:
      'scheme://user:password@host%2Flocation:1234/schema?__extra__=%7B%22my_val%22%3A+%5B%22list%22%2C+%22of%22%2C+%22values%22%5D%2C+%22extra%22%3A+%7B%22nested%22%3A+%7B%22json%22%3A+%22val%22%7D%7D%7D'
  },
  {
    name: "airflow test: encoded ':' in host keeps its case",
    uri: 'scheme://user:password@host%2Flocation%3Ax%3Ay:1234/schema',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host/location:x:y',
      schema: 'schema',
      login: 'user',
      password: 'password',
      port: 1234,
      extra: null
    },
    regenerated: 'scheme://user:password@host%2Flocation%3Ax%3Ay:1234/schema'
  },
  {
    name: 'airflow test: encoded login/password specials',
    uri: 'scheme://user%3A%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D:password%3A%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@host%2Flocation:1234/schema',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host/location',
      schema: 'schema',
      login: 'user:/!@#$%^&*(){}',
      password: 'password:/!@#$%^&*(){}',
      port: 1234,
      extra: null
    },
    regenerated:
      'scheme://user%3A%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D:password%3A%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@host%2Flocation:1234/schema'
  },
  {
    name: 'airflow test: spaces everywhere',
    uri: 'scheme://user%20name:pass%20word@host%20name:1234/schema%20name',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host name',
      schema: 'schema name',
      login: 'user name',
      password: 'pass word',
      port: 1234,
      extra: null
    },
    regenerated:
      'scheme://user%20name:pass%20word@host%20name:1234/schema%20name'
  },
  {
    name: 'airflow test: encoded schema',
    uri: 'scheme://user:password@host:1234/schema%2Fwith%2Fslashes',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host',
      schema: 'schema/with/slashes',
      login: 'user',
      password: 'password',
      port: 1234,
      extra: null
    },
    regenerated: 'scheme://user:password@host:1234/schema%2Fwith%2Fslashes'
  },
  {
    name: 'airflow test: no schema',
    uri: 'scheme://user:password@host:1234',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host',
      schema: '',
      login: 'user',
      password: 'password',
      port: 1234,
      extra: null
    },
    regenerated: 'scheme://user:password@host:1234'
  },
  {
    name: 'airflow test: dashed type, host-less, query only',
    uri: 'google-cloud-platform://?key_path=%2Fkeys%2Fkey.json&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcloud-platform&project=airflow',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'google_cloud_platform',
      host: '',
      schema: '',
      login: null,
      password: null,
      port: null,
      extra:
        '{"key_path": "/keys/key.json", "scope": "https://www.googleapis.com/auth/cloud-platform", "project": "airflow"}'
    },
    regenerated:
      'google-cloud-platform:///?key_path=%2Fkeys%2Fkey.json&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcloud-platform&project=airflow'
  },
  {
    name: 'airflow test: host only',
    uri: 'scheme://host:1234',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host',
      schema: '',
      login: null,
      password: null,
      port: 1234,
      extra: null
    },
    regenerated: 'scheme://host:1234'
  },
  {
    name: 'airflow test: %2FTmP%2F keeps its case',
    uri: 'scheme://%2FTmP%2F:1234',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: '/TmP/',
      schema: '',
      login: null,
      password: null,
      port: 1234,
      extra: null
    },
    regenerated: 'scheme://%2FTmP%2F:1234',
    notes: []
  },
  {
    name: 'airflow test: empty host, schema only',
    uri: 'scheme:///airflow',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: '',
      schema: 'airflow',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'scheme:///airflow'
  },
  {
    name: 'airflow test: @:port, empty login',
    uri: 'scheme://@:1234',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: '',
      schema: '',
      login: '',
      password: null,
      port: 1234,
      extra: null
    },
    regenerated: 'scheme://@:1234'
  },
  {
    name: 'airflow test: password only',
    uri: 'scheme://:password%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: '',
      schema: '',
      login: '',
      password: 'password/!@#$%^&*(){}',
      port: null,
      extra: null
    },
    regenerated: 'scheme://:password%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@'
  },
  {
    name: 'airflow test: login only',
    uri: 'scheme://login%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: '',
      schema: '',
      login: 'login/!@#$%^&*(){}',
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'scheme://login%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@'
  },
  {
    name: 'airflow test: JSON-looking values stay strings',
    uri: 'scheme://host/?bool=true&int=123&null=null',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'scheme',
      host: 'host',
      schema: '',
      login: null,
      password: null,
      port: null,
      extra: '{"bool": "true", "int": "123", "null": "null"}'
    },
    regenerated: 'scheme://host/?bool=true&int=123&null=null'
  },
  {
    name: "airflow test: :password@ gives login ''",
    uri: 'http://:password@host:80/database',
    source: 'always/test_connection.py auth info',
    expect: {
      conn_type: 'http',
      host: 'host',
      schema: 'database',
      login: '',
      password: 'password',
      port: 80,
      extra: null
    },
    regenerated: 'http://:password@host:80/database'
  },
  {
    name: 'airflow test: user:@ gives password None',
    uri: 'http://user:@host:80/database',
    source: 'always/test_connection.py auth info',
    expect: {
      conn_type: 'http',
      host: 'host',
      schema: 'database',
      login: 'user',
      password: null,
      port: 80,
      extra: null
    },
    regenerated: 'http://user@host:80/database',
    notes: ['uri-empty-password']
  },
  {
    name: "airflow test: @host gives login ''",
    uri: 'http://@host:80/database',
    source: 'always/test_connection.py auth info',
    expect: {
      conn_type: 'http',
      host: 'host',
      schema: 'database',
      login: '',
      password: null,
      port: 80,
      extra: null
    },
    reparse: { login: null },
    regenerated: 'http://host:80/database'
  },
  {
    name: 'airflow test: encoded k8s protocol',
    uri: 'spark://k8s%3a%2F%2F100.68.0.1:443?deploy-mode=cluster',
    source: 'always/test_connection.py',
    expect: {
      conn_type: 'spark',
      host: 'k8s://100.68.0.1',
      schema: '',
      login: null,
      password: null,
      port: 443,
      extra: '{"deploy-mode": "cluster"}'
    },
    regenerated: 'spark://k8s://100.68.0.1:443/?deploy-mode=cluster'
  },
  {
    name: 'airflow test: nested protocol',
    uri: 'spark://k8s://100.68.0.1:443?deploy-mode=cluster',
    source: 'models/test_connection.py',
    expect: {
      conn_type: 'spark',
      host: 'k8s://100.68.0.1',
      schema: '',
      login: null,
      password: null,
      port: 443,
      extra: '{"deploy-mode": "cluster"}'
    },
    regenerated: 'spark://k8s://100.68.0.1:443/?deploy-mode=cluster',
    notes: []
  },
  {
    name: 'airflow test: protocol with credentials',
    uri: 'type://protocol://user:pass@host:123?param=value',
    source: 'models/test_connection.py',
    expect: {
      conn_type: 'type',
      host: 'protocol://host',
      schema: '',
      login: 'user',
      password: 'pass',
      port: 123,
      extra: '{"param": "value"}'
    },
    regenerated: 'type://protocol://user:pass@host:123/?param=value'
  },
  {
    name: 'airflow test: auth before protocol',
    uri: 'type://user:pass@protocol://host:port?param=value',
    source: 'models/test_connection.py',
    expect: { error: 'uri-auth-before-protocol' }
  },
  {
    name: "airflow test: three '://'",
    uri: 'type://user:pass@protocol://protocol://host:port?param=value',
    source: 'models/test_connection.py',
    expect: { error: 'uri-too-many-protocols' }
  },
  {
    name: 'task sdk test: minimal redis',
    uri: 'redis://',
    source: 'task_sdk test_connection.py',
    expect: {
      conn_type: 'redis',
      host: '',
      schema: '',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'redis://'
  },
  {
    name: 'task sdk test: postgresql normalised',
    uri: 'postgresql://user:pass@localhost:5432/db',
    source: 'task_sdk test_connection.py',
    expect: {
      conn_type: 'postgres',
      host: 'localhost',
      schema: 'db',
      login: 'user',
      password: 'pass',
      port: 5432,
      extra: null
    },
    regenerated: 'postgres://user:pass@localhost:5432/db',
    notes: []
  },
  {
    name: 'task sdk test: query extras stay strings',
    uri: 'http://host/?a=1&b=true',
    source: 'task_sdk test_connection.py',
    expect: {
      conn_type: 'http',
      host: 'host',
      schema: '',
      login: null,
      password: null,
      port: null,
      extra: '{"a": "1", "b": "true"}'
    },
    regenerated: 'http://host/?a=1&b=true'
  },
  {
    name: 'cloud sql socket host',
    uri: 'gcpcloudsql://user:password@%2Fcloudsql%2FProject%3ARegion%3AInstance/db',
    source: 'always/test_connection.py (Cloud SQL)',
    expect: {
      conn_type: 'gcpcloudsql',
      host: '/cloudsql/Project:Region:Instance',
      schema: 'db',
      login: 'user',
      password: 'password',
      port: null,
      extra: null
    },
    regenerated:
      'gcpcloudsql://user:password@%2Fcloudsql%2FProject%3ARegion%3AInstance/db'
  },
  {
    name: "password %40 is '@'",
    uri: 'postgres://user:p%40ss@host/db',
    source: '\u00a71.2 step 9',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'p@ss',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:p%40ss@host/db'
  },
  {
    name: "password %3A is ':'",
    uri: 'postgres://user:p%3Ass@host/db',
    source: '\u00a71.2 step 9',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'p:ss',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:p%3Ass@host/db'
  },
  {
    name: "password %2F is '/'",
    uri: 'postgres://user:p%2Fss@host/db',
    source: '\u00a71.2 step 9',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'p/ss',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:p%2Fss@host/db'
  },
  {
    name: "password %25 is '%'",
    uri: 'postgres://user:100%25@host/db',
    source: '\u00a71.2 step 9',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: '100%',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:100%25@host/db'
  },
  {
    name: "password %23 is '#'",
    uri: 'postgres://user:p%23ss@host/db',
    source: '\u00a71.2 step 9',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'p#ss',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:p%23ss@host/db'
  },
  {
    name: "password %3F is '?'",
    uri: 'postgres://user:p%3Fss@host/db',
    source: '\u00a71.2 step 9',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'p?ss',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:p%3Fss@host/db'
  },
  {
    name: "password %2B is '+', raw '+' stays '+'",
    uri: 'postgres://user:a%2Bb+c@host/db',
    source: '\u00a71.2 step 9',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'a+b+c',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:a%2Bb%2Bc@host/db',
    notes: ['uri-plus-in-password']
  },
  {
    name: "password raw '@' splits at the last '@'",
    uri: 'postgres://us@er:p@ss@host/db',
    source: '\u00a71.3 userinfo',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'us@er',
      password: 'p@ss',
      port: null,
      extra: null
    },
    regenerated: 'postgres://us%40er:p%40ss@host/db',
    notes: ['uri-unencoded-at']
  },
  {
    name: "password raw ':' splits at the first ':'",
    uri: 'postgres://user:p:a:ss@host/db',
    source: '\u00a71.3 userinfo',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'p:a:ss',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:p%3Aa%3Ass@host/db'
  },
  {
    name: "password raw '/' ends the netloc: port error",
    uri: 'postgres://user:pa/ss@host/db',
    source: '\u00a71.3 netloc',
    expect: { error: 'uri-invalid-port' }
  },
  {
    name: "password raw '#' ends the netloc: port error",
    uri: 'postgres://user:pa#ss@host/db',
    source: '\u00a71.3 netloc',
    expect: { error: 'uri-invalid-port' }
  },
  {
    name: "password raw '?' ends the netloc: port error",
    uri: 'postgres://user:pa?ss@host/db',
    source: '\u00a71.3 netloc',
    expect: { error: 'uri-invalid-port' }
  },
  {
    name: "password raw '://' counts as a protocol",
    uri: 'postgres://user:p://ss@host/db',
    source: '\u00a71.4',
    expect: { error: 'uri-auth-before-protocol' }
  },
  {
    name: 'invalid escape kept literally',
    uri: 'postgres://user:p%zz@host/db',
    source: '\u00a71.3 query / unquote',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'p%zz',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:p%25zz@host/db',
    notes: ['uri-bad-percent-escape']
  },
  {
    name: 'invalid UTF-8 escape becomes U+FFFD',
    uri: 'postgres://user:p%FF@host/db',
    source: "unquote errors='replace'",
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'p\ufffd',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:p%EF%BF%BD@host/db',
    notes: ['uri-bad-percent-escape']
  },
  {
    name: 'UTF-8 escapes decode',
    uri: 'postgres://us%C3%A9r:p%E2%82%AC@host/db',
    source: 'unquote',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'us\u00e9r',
      password: 'p\u20ac',
      port: null,
      extra: null
    },
    regenerated: 'postgres://us%C3%A9r:p%E2%82%AC@host/db'
  },
  {
    name: 'IPv6 literal with port',
    uri: 'postgres://user:pass@[::1]:5432/db',
    source: '\u00a71.3 hostname',
    expect: {
      conn_type: 'postgres',
      host: '::1',
      schema: 'db',
      login: 'user',
      password: 'pass',
      port: 5432,
      extra: null
    },
    regenerated: 'postgres://user:pass@%3A%3A1:5432/db',
    notes: []
  },
  {
    name: 'IPv6 upper case lowered, zone id kept',
    uri: 'postgres://[FE80::1%25Eth0]:5432/db',
    source: '\u00a71.3 hostname (zone rule)',
    expect: {
      conn_type: 'postgres',
      host: 'fe80::1%Eth0',
      schema: 'db',
      login: null,
      password: null,
      port: 5432,
      extra: null
    },
    regenerated: 'postgres://fe80%3A%3A1%25Eth0:5432/db'
  },
  {
    name: 'IPv6 with IPv4 tail',
    uri: 'postgres://[::ffff:192.0.2.1]/db',
    source: 'ipaddress',
    expect: {
      conn_type: 'postgres',
      host: '::ffff:192.0.2.1',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://%3A%3Affff%3A192.0.2.1/db'
  },
  {
    name: 'IPvFuture literal',
    uri: 'postgres://[v1.fe]:80/db',
    source: '_check_bracketed_host',
    expect: {
      conn_type: 'postgres',
      host: 'v1.fe',
      schema: 'db',
      login: null,
      password: null,
      port: 80,
      extra: null
    },
    regenerated: 'postgres://v1.fe:80/db'
  },
  {
    name: "unbalanced '['",
    uri: 'postgres://[::1:5432/db',
    source: '\u00a71.3 IPv6',
    expect: { error: 'uri-invalid-ipv6' }
  },
  {
    name: "unbalanced ']'",
    uri: 'postgres://::1]:5432/db',
    source: '\u00a71.3 IPv6',
    expect: { error: 'uri-invalid-ipv6' }
  },
  {
    name: 'IPv4 in brackets (3.11.4+/3.12+)',
    uri: 'postgres://[192.0.2.1]:5432/db',
    source: '\u00a71.3 IPv6, version dependent',
    expect: { error: 'uri-invalid-ipv6' },
    pythonVersionDependent:
      'Python 3.10.13 and older do not validate bracketed hosts and accept this'
  },
  {
    name: 'bracketed non-IP (3.11.4+/3.12+)',
    uri: 'postgres://[not-an-ip]/db',
    source: '\u00a71.3 IPv6, version dependent',
    expect: { error: 'uri-invalid-ipv6' },
    pythonVersionDependent:
      'Python 3.10.13 and older do not validate bracketed hosts and accept this'
  },
  {
    name: "'[' in the password",
    uri: 'postgres://user:p[ss@host/db',
    source: '\u00a71.3 IPv6 (brackets anywhere in the netloc)',
    expect: { error: 'uri-invalid-ipv6' }
  },
  {
    name: 'unbracketed IPv6 reads as a port',
    uri: 'postgres://::1/db',
    source: '\u00a71.3 IPv6',
    expect: { error: 'uri-invalid-port' }
  },
  {
    name: 'empty host with credentials',
    uri: 'postgres://user:pass@/db',
    source: '\u00a71.2 step 7',
    expect: {
      conn_type: 'postgres',
      host: '',
      schema: 'db',
      login: 'user',
      password: 'pass',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:pass@/db'
  },
  {
    name: 'empty host with port',
    uri: 'postgres://user:pass@:5432/db',
    source: '\u00a71.2 step 7',
    expect: {
      conn_type: 'postgres',
      host: '',
      schema: 'db',
      login: 'user',
      password: 'pass',
      port: 5432,
      extra: null
    },
    regenerated: 'postgres://user:pass@:5432/db'
  },
  {
    name: 'upper-case host is lowered',
    uri: 'postgres://DB.Example.COM/db',
    source: '\u00a71.3 hostname',
    expect: {
      conn_type: 'postgres',
      host: 'db.example.com',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://db.example.com/db',
    notes: ['uri-host-lowercased']
  },
  {
    name: 'host lowered only up to the first %',
    uri: 'postgres://My%20Host/db',
    source: '\u00a71.3 hostname',
    expect: {
      conn_type: 'postgres',
      host: 'my Host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://my%20Host/db',
    notes: ['uri-host-lowercased']
  },
  {
    name: "encoded ':' in host",
    uri: 'postgres://Host%3AX/db',
    source: '\u00a71.3 hostname',
    expect: {
      conn_type: 'postgres',
      host: 'host:X',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://host%3AX/db'
  },
  {
    name: "NFKC netloc turns into '/'",
    uri: 'postgres://user:p\u2100ss@host/db',
    source: '\u00a71.3 NFKC',
    expect: { error: 'uri-invalid-netloc' }
  },
  {
    name: 'full-width host passes NFKC',
    uri: 'postgres://\uff48\uff4f\uff53\uff54/db',
    source: '\u00a71.3 NFKC',
    expect: {
      conn_type: 'postgres',
      host: '\uff48\uff4f\uff53\uff54',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://%EF%BD%88%EF%BD%8F%EF%BD%93%EF%BD%94/db'
  },
  {
    name: 'port 65535',
    uri: 'postgres://host:65535/db',
    source: '\u00a71.3 port',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: 65535,
      extra: null
    },
    regenerated: 'postgres://host:65535/db'
  },
  {
    name: 'port 65536 out of range',
    uri: 'postgres://host:65536/db',
    source: '\u00a71.3 port',
    expect: { error: 'uri-invalid-port' }
  },
  {
    name: 'port 0 parses',
    uri: 'postgres://host:0/db',
    source: '\u00a71.3 port',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: 0,
      extra: null
    },
    reparse: { port: null },
    regenerated: 'postgres://host/db',
    roundTrip: { 3: ['port'], 2: [] }
  },
  {
    name: 'port with leading zeros',
    uri: 'postgres://host:00080/db',
    source: '\u00a71.3 port',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: 80,
      extra: null
    },
    regenerated: 'postgres://host:80/db'
  },
  {
    name: "port '+80' rejected",
    uri: 'postgres://host:+80/db',
    source: '\u00a71.3 port (3.10.13+/3.11+)',
    expect: { error: 'uri-invalid-port' },
    pythonVersionDependent: "Python 3.8/3.9 used int() and accepted '+80'"
  },
  {
    name: "port '-1' rejected",
    uri: 'postgres://host:-1/db',
    source: '\u00a71.3 port',
    expect: { error: 'uri-invalid-port' }
  },
  {
    name: 'port not a number',
    uri: 'postgres://host:abc/db',
    source: '\u00a71.3 port',
    expect: { error: 'uri-invalid-port' }
  },
  {
    name: 'non-ASCII digits rejected',
    uri: 'postgres://host:\u0668\u0660/db',
    source: '\u00a71.3 port',
    expect: { error: 'uri-invalid-port' }
  },
  {
    name: 'empty port is None',
    uri: 'postgres://host:/db',
    source: '\u00a71.2 step 10',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://host/db'
  },
  {
    name: 'schema keeps inner slashes',
    uri: 'postgres://host/a/b',
    source: '\u00a71.2 step 8',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'a/b',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://host/a%2Fb'
  },
  {
    name: 'schema keeps a trailing space',
    uri: 'postgres://host/db ',
    source: '\u00a71.3 (trailing spaces kept)',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db ',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://host/db%20',
    notes: ['uri-whitespace']
  },
  {
    name: "no '//': first character dropped",
    uri: 'postgres:host/db',
    source: '\u00a71.2 step 8',
    expect: {
      conn_type: 'postgres',
      host: '',
      schema: 'ost/db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres:///ost%2Fdb',
    notes: ['uri-missing-slashes']
  },
  {
    name: "host:5432 reads 'host' as scheme",
    uri: 'host:5432',
    source: '\u00a71.3 scheme',
    expect: {
      conn_type: 'host',
      host: '',
      schema: '432',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'host:///432'
  },
  {
    name: 'drop the first code point, not a UTF-16 unit',
    uri: 'x:\ud83d\ude00abc',
    source: '\u00a76 code points',
    expect: {
      conn_type: 'x',
      host: '',
      schema: 'abc',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'x:///abc'
  },
  {
    name: 'repeated keys: last value, first position',
    uri: 'postgres://host/db?a=1&b=2&a=3',
    source: '\u00a71.3 query, #9060',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"a": "3", "b": "2"}'
    },
    regenerated: 'postgres://host/db?a=3&b=2',
    notes: ['uri-repeated-query-key', 'uri-query-value-decoded']
  },
  {
    name: "keys without '=' and blank values",
    uri: 'postgres://host/db?a&b=',
    source: '\u00a71.3 query',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"a": "", "b": ""}'
    },
    regenerated: 'postgres://host/db?a=&b='
  },
  {
    name: "';' is not a separator",
    uri: 'postgres://host/db?a=x;b=y',
    source: '\u00a71.3 query (3.9.2+)',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"a": "x;b=y"}'
    },
    regenerated: 'postgres://host/db?a=x%3Bb%3Dy'
  },
  {
    name: "'+' in query is a space, %2B a plus",
    uri: 'postgres://host/db?tz=%2B02%3A00&q=a+b',
    source: '\u00a71.3 query',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"tz": "+02:00", "q": "a b"}'
    },
    regenerated: 'postgres://host/db?tz=%2B02%3A00&q=a+b',
    notes: ['uri-plus-in-query']
  },
  {
    name: 'non-ASCII query is \\u-escaped in the extra',
    uri: 'postgres://host/db?k=%C3%A9%F0%9F%98%80',
    source: '\u00a71.2 step 11',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"k": "\\u00e9\\ud83d\\ude00"}'
    },
    regenerated: 'postgres://host/db?k=%C3%A9%F0%9F%98%80'
  },
  {
    name: 'integer-like keys keep query order',
    uri: 'postgres://host/db?2=a&1=b',
    source: 'dict order',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"2": "a", "1": "b"}'
    },
    regenerated: 'postgres://host/db?2=a&1=b'
  },
  {
    name: 'only empty segments: extra {}',
    uri: 'postgres://host/db?&&',
    source: '\u00a71.2 step 11',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{}'
    },
    regenerated: 'postgres://host/db?__extra__=%7B%7D'
  },
  {
    name: '__extra__ discards other parameters',
    uri: 'postgres://host/db?a=b&__extra__=%7B%22x%22%3A+1%7D&c=d',
    source: '\u00a71.2 step 11',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"x": 1}'
    },
    regenerated: 'postgres://host/db?__extra__=%7B%22x%22%3A+1%7D',
    notes: ['uri-extra-discards-params']
  },
  {
    name: 'repeated __extra__: the last wins',
    uri: 'postgres://host/db?__extra__=%7B%22x%22%3A+1%7D&__extra__=%7B%22y%22%3A+2%7D',
    source: '\u00a71.2 step 11',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"y": 2}'
    },
    regenerated: 'postgres://host/db?__extra__=%7B%22y%22%3A+2%7D',
    notes: ['uri-repeated-query-key']
  },
  {
    name: "empty __extra__ stored as ''",
    uri: 'postgres://host/db?__extra__=',
    source: '\u00a71.2 step 12',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: ''
    },
    reparse: { extra: null },
    regenerated: 'postgres://host/db',
    notes: ['uri-empty-extra']
  },
  {
    name: "__extra__ '{}'",
    uri: 'postgres://host/?__extra__=%7B%7D',
    source: '\u00a72.3',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: '',
      login: null,
      password: null,
      port: null,
      extra: '{}'
    },
    regenerated: 'postgres://host/?__extra__=%7B%7D'
  },
  {
    name: '__extra__ a JSON list',
    uri: 'postgres://host/db?__extra__=%5B1%2C+2%5D',
    source: '\u00a71.2 step 12',
    expect: { error: 'uri-extra-not-object' }
  },
  {
    name: '__extra__ not JSON',
    uri: 'postgres://host/db?__extra__=not-json',
    source: '\u00a71.2 step 12',
    expect: { error: 'uri-extra-not-object' }
  },
  {
    name: "__extra__ with NaN (Python's json accepts it)",
    uri: 'postgres://host/db?__extra__=%7B%22a%22%3A+NaN%7D',
    source: 'json.loads',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"a": NaN}'
    },
    regenerated: 'postgres://host/db?__extra__=%7B%22a%22%3A+NaN%7D'
  },
  {
    name: 'fragment dropped',
    uri: 'postgres://host/db?a=1#b=2',
    source: '\u00a71.3 query',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: '{"a": "1"}'
    },
    regenerated: 'postgres://host/db?a=1',
    notes: ['uri-query-value-decoded', 'uri-fragment']
  },
  {
    name: 'URL in query without credentials: garbage',
    uri: 'http://host/?url=http://example.com',
    source: '\u00a71.4',
    expect: {
      conn_type: 'http',
      host: '',
      schema: 'ost/',
      login: null,
      password: null,
      port: null,
      extra: '{"url": "example.com"}'
    },
    regenerated: 'http:///ost%2F?url=example.com',
    notes: ['uri-url-in-query']
  },
  {
    name: 'URL in query with credentials: error',
    uri: 'http://user:pass@host/?url=http://example.com',
    source: '\u00a71.4',
    expect: { error: 'uri-auth-before-protocol' }
  },
  {
    name: 'encoded URL in query is fine',
    uri: 'http://user:pass@host/?url=http%3A%2F%2Fexample.com',
    source: '\u00a72.3',
    expect: {
      conn_type: 'http',
      host: 'host',
      schema: '',
      login: 'user',
      password: 'pass',
      port: null,
      extra: '{"url": "http://example.com"}'
    },
    regenerated: 'http://user:pass@host/?url=http%3A%2F%2Fexample.com',
    notes: []
  },
  {
    name: 'upper-case scheme',
    uri: 'POSTGRES://user:pass@host/db',
    source: '\u00a71.2 step 2',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: 'user',
      password: 'pass',
      port: null,
      extra: null
    },
    regenerated: 'postgres://user:pass@host/db',
    notes: ['uri-uppercase-scheme']
  },
  {
    name: 'upper-case scheme with nested protocol',
    uri: 'HTTP://proto://host/db',
    source: '\u00a71.4',
    expect: {
      conn_type: 'http',
      host: 'http://proto',
      schema: '/host/db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'http://http%3A%2F%2Fproto/%2Fhost%2Fdb',
    notes: ['uri-uppercase-scheme'],
    roundTrip: { 3: [], 2: ['host', 'schema'] }
  },
  {
    name: 'postgresql+psycopg2 kept',
    uri: 'postgresql+psycopg2://host/db',
    source: '\u00a71.2 step 3',
    expect: {
      conn_type: 'postgresql+psycopg2',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgresql+psycopg2://host/db',
    notes: ['uri-sqlalchemy-scheme']
  },
  {
    name: "'_' in the scheme: empty conn_type, the rest in the schema",
    uri: 'google_cloud_platform://host',
    source: '\u00a71.3 scheme',
    expect: {
      conn_type: '',
      host: '',
      schema: 'oogle_cloud_platform//host',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: '///oogle_cloud_platform%2F%2Fhost',
    notes: ['uri-scheme-underscore'],
    // An empty conn_type gives a URI without a scheme, which is refused.
    roundTrip: { 3: ['conn_type'], 2: [] }
  },
  {
    name: "'_' in the nested protocol",
    uri: 'spark://my_proto://host',
    source: '\u00a71.3 scheme',
    expect: {
      conn_type: 'spark',
      host: '',
      schema: 'y_proto://host',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'spark:///y_proto%3A%2F%2Fhost',
    notes: ['uri-scheme-underscore']
  },
  {
    name: 'scheme starting with a digit (3.11+)',
    uri: '1type://host',
    source: '\u00a71.3 scheme, version dependent',
    expect: { error: 'uri-no-scheme' },
    pythonVersionDependent:
      'Python 3.10.13 and older accept a scheme starting with a digit'
  },
  {
    name: 'no scheme at all',
    uri: '//host/db',
    source: '\u00a73.2 CLI',
    expect: { error: 'uri-no-scheme' }
  },
  {
    name: 'empty URI',
    uri: '',
    source: '\u00a73.2 CLI',
    expect: { error: 'uri-no-scheme' }
  },
  {
    name: 'dots, plus and dashes in the scheme',
    uri: 'a.b+c-d://host',
    source: '\u00a71.2 step 3',
    expect: {
      conn_type: 'a.b+c_d',
      host: 'host',
      schema: '',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'a.b+c-d://host'
  },
  {
    name: 'same protocol as the type (Airflow 2 output)',
    uri: 'http://http://host/db',
    source: '\u00a72.3',
    expect: {
      conn_type: 'http',
      host: '',
      schema: 'ost/db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'http:///ost%2Fdb'
  },
  {
    name: 'leading spaces and controls stripped',
    uri: ' \u0001 postgres://host/db',
    source: '\u00a71.3',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://host/db',
    notes: ['uri-whitespace']
  },
  {
    name: 'TAB, CR, LF deleted anywhere',
    uri: 'post\tgres://ho\nst/d\rb',
    source: '\u00a71.3',
    expect: {
      conn_type: 'postgres',
      host: 'host',
      schema: 'db',
      login: null,
      password: null,
      port: null,
      extra: null
    },
    regenerated: 'postgres://host/db',
    notes: ['uri-whitespace']
  }
]

export const BUILD_CASES: BuildCase[] = [
  {
    name: 'vault provider test: field-style secret',
    input: {
      conn_type: 'postgresql',
      login: 'airflow',
      password: 'airflow',
      host: 'host',
      port: 5432,
      schema: 'airflow',
      extra: { foo: 'bar', baz: 'taz' }
    },
    uri: 'postgres://airflow:airflow@host:5432/airflow?foo=bar&baz=taz',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'airflow test: typed extras go to __extra__',
    input: {
      conn_type: 'scheme',
      host: 'host/location',
      schema: 'schema',
      login: 'user',
      password: 'password',
      port: 1234,
      extra: {
        my_val: ['list', 'of', 'values'],
        extra: { nested: { json: 'val' } }
      }
    },
    uri: 'scheme://user:password@host%2Flocation:1234/schema?__extra__=%7B%22my_val%22%3A+%5B%22list%22%2C+%22of%22%2C+%22values%22%5D%2C+%22extra%22%3A+%7B%22nested%22%3A+%7B%22json%22%3A+%22val%22%7D%7D%7D',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'password with every reserved character',
    input: {
      conn_type: 'postgres',
      host: 'db',
      login: 'app',
      password: "p@ss:w/rd%#?+ &=~!*'()",
      schema: 'main'
    },
    uri: 'postgres://app:p%40ss%3Aw%2Frd%25%23%3F%2B%20%26%3D~%21%2A%27%28%29@db/main',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'login and password non-ASCII',
    input: {
      conn_type: 'postgres',
      host: 'db',
      login: 'us\u00e9r',
      password: '\u20ac\ud83d\ude00'
    },
    uri: 'postgres://us%C3%A9r:%E2%82%AC%F0%9F%98%80@db',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'different protocol in host',
    input: {
      conn_type: 'spark',
      host: 'k8s://100.68.0.1',
      port: 443,
      extra: { 'deploy-mode': 'cluster' }
    },
    uri: 'spark://k8s://100.68.0.1:443/?deploy-mode=cluster',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'same protocol as conn_type (PR #51953)',
    input: { conn_type: 'http', host: 'http://host', schema: 'api' },
    uri: 'http://http%3A%2F%2Fhost/api',
    uriAirflow2: 'http://http://host/api',
    roundTrip: { 3: [], 2: ['host', 'schema'] }
  },
  {
    name: 'upper-case protocol in host',
    input: { conn_type: 'http', host: 'HTTPS://Example.com' },
    uri: 'http://HTTPS://Example.com',
    roundTrip: { 3: ['host'], 2: [] }
  },
  {
    name: "protocol with '_' in host",
    input: { conn_type: 'http', host: 'my_proto://host' },
    uri: 'http://my_proto://host',
    roundTrip: { 3: ['host', 'schema'], 2: [] }
  },
  {
    name: "host starting with '://'",
    input: { conn_type: 'http', host: '://host' },
    uri: 'http://host',
    roundTrip: { 3: ['host'], 2: [] }
  },
  {
    name: "host ending in '://'",
    input: { conn_type: 'http', host: 'k8s://' },
    uri: 'http://k8s://',
    roundTrip: { 3: ['host'], 2: [] }
  },
  {
    name: "protocol containing '@'",
    input: { conn_type: 'http', host: 'a@b://host' },
    uri: 'http://a@b://host',
    roundTrip: { 3: ['host'], 2: [] }
  },
  {
    name: 'IPv6 host',
    input: { conn_type: 'postgres', host: '::1', port: 5432 },
    uri: 'postgres://%3A%3A1:5432',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'upper-case host',
    input: { conn_type: 'postgres', host: 'DB.Example.com' },
    uri: 'postgres://DB.Example.com',
    roundTrip: { 3: ['host'], 2: [] }
  },
  {
    name: 'Cloud SQL socket host keeps its case',
    input: {
      conn_type: 'gcpcloudsql',
      host: '/cloudsql/Proj:Region:Inst',
      login: 'u',
      password: 'p',
      schema: 'db'
    },
    uri: 'gcpcloudsql://u:p@%2Fcloudsql%2FProj%3ARegion%3AInst/db',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'empty login without password is lost',
    input: { conn_type: 'postgres', host: 'h', login: '' },
    uri: 'postgres://h',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: "password without login gives login ''",
    input: { conn_type: 'postgres', host: 'h', password: 'secret' },
    uri: 'postgres://:secret@h',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'empty password is not stored',
    input: { conn_type: 'postgres', host: 'h', login: 'u', password: '' },
    uri: 'postgres://u@h',
    roundTrip: { 3: ['password'], 2: [] }
  },
  {
    name: 'port 0 is dropped',
    input: { conn_type: 'postgres', host: 'h', port: 0 },
    uri: 'postgres://h',
    roundTrip: { 3: ['port'], 2: [] }
  },
  {
    name: "port without host or login: '@:port'",
    input: { conn_type: 'postgres', port: 5432 },
    uri: 'postgres://@:5432',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'port out of range',
    input: { conn_type: 'postgres', host: 'h', port: 70000 },
    uri: 'postgres://h:70000',
    roundTrip: { 3: ['port'], 2: [] }
  },
  {
    name: 'dashed conn_type',
    input: { conn_type: 'google-cloud-platform', extra: { project: 'p' } },
    uri: 'google-cloud-platform:///?project=p',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'underscored conn_type',
    input: {
      conn_type: 'google_cloud_platform',
      extra: { project: 'p', num_retries: 5 }
    },
    uri: 'google-cloud-platform:///?__extra__=%7B%22project%22%3A+%22p%22%2C+%22num_retries%22%3A+5%7D',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'empty conn_type',
    input: { conn_type: '', host: 'h' },
    uri: '//h',
    roundTrip: { 3: ['conn_type'], 2: [] }
  },
  {
    name: 'upper-case conn_type',
    input: { conn_type: 'Postgres', host: 'h' },
    uri: 'postgres://h',
    roundTrip: { 3: ['conn_type'], 2: [] }
  },
  {
    name: 'conn_type that is no scheme',
    input: { conn_type: '1type', host: 'h' },
    uri: '1type://h',
    roundTrip: { 3: ['conn_type'], 2: [] }
  },
  {
    name: 'schema with slashes',
    input: { conn_type: 'hdfs', host: 'nn', schema: '/user/Data dir' },
    uri: 'hdfs://nn/%2Fuser%2FData%20dir',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'empty extra object is not stored',
    input: { conn_type: 'postgres', host: 'h', extra: {} },
    uri: 'postgres://h',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: "flat string extras with spaces, '+', '&', '='",
    input: {
      conn_type: 'http',
      host: 'h',
      extra: { q: 'a b+c', 'k&=': '=&', empty: '' }
    },
    uri: 'http://h/?q=a+b%2Bc&k%26%3D=%3D%26&empty=',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'non-ASCII flat extras',
    input: {
      conn_type: 'http',
      host: 'h',
      extra: { city: 'Z\u00fcrich', emoji: '\ud83d\ude00' }
    },
    uri: 'http://h/?city=Z%C3%BCrich&emoji=%F0%9F%98%80',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'typed values: numbers, booleans, null',
    input: {
      conn_type: 'http',
      host: 'h',
      extra: { timeout: 30, ratio: 0.5, verify: false, proxy: null }
    },
    uri: 'http://h/?__extra__=%7B%22timeout%22%3A+30%2C+%22ratio%22%3A+0.5%2C+%22verify%22%3A+false%2C+%22proxy%22%3A+null%7D',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'extra key named __extra__ (string)',
    input: { conn_type: 'http', host: 'h', extra: { __extra__: 'x' } },
    uri: 'http://h/?__extra__=x',
    roundTrip: { 3: ['extra'], 2: ['extra'] }
  },
  {
    name: 'extra key named __extra__ (object text)',
    input: {
      conn_type: 'http',
      host: 'h',
      extra: { __extra__: '{"a": "b"}', c: 'd' }
    },
    uri: 'http://h/?__extra__=%7B%22a%22%3A+%22b%22%7D&c=d',
    stored:
      'http://h/?__extra__=%7B%22__extra__%22%3A+%22%7B%5C%22a%5C%22%3A+%5C%22b%5C%22%7D%22%2C+%22c%22%3A+%22d%22%7D',
    roundTrip: { 3: ['extra'], 2: [] }
  },
  {
    // Airflow 3.1 tasks (and the 3.1+ core) would read ?timeout=30 as 30.
    name: 'string extras that look like JSON are stored as __extra__',
    input: {
      conn_type: 'http',
      host: 'h',
      extra: { timeout: '30', verify: 'true', note: 'x' }
    },
    uri: 'http://h/?timeout=30&verify=true&note=x',
    stored:
      'http://h/?__extra__=%7B%22timeout%22%3A+%2230%22%2C+%22verify%22%3A+%22true%22%2C+%22note%22%3A+%22x%22%7D',
    roundTrip: { 3: [], 2: [] }
  },
  {
    name: 'all fields absent but the type',
    input: { conn_type: 'redis' },
    uri: 'redis://',
    roundTrip: { 3: [], 2: [] }
  }
]
