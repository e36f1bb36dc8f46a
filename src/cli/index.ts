#!/usr/bin/env node
import { parse } from 'yaml'
console.log(parse('a: 1'))
