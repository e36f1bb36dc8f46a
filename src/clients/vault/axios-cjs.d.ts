// axios's CommonJS build, which node-vault requires; only what we touch.
declare module 'axios/dist/node/axios.cjs' {
  const axios: {
    defaults: {
      proxy?: false
      maxRedirects?: number
      /** follow-redirects' hook: `next` is the redirect about to be sent. */
      beforeRedirect?: (
        next: { href: string },
        response: { statusCode: number },
        previous: { url: string }
      ) => void
    }
  }
  export default axios
}
